import { meRouter } from "./routers/me/router";
import { personsRouter } from "./routers/persons/router";
import { purposesRouter } from "./routers/purposes/router";
import { staffRouter } from "./routers/staff/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  persons: personsRouter,
  purposes: purposesRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
