import { auditRouter } from "./routers/audit/router";
import { consentRequestsRouter } from "./routers/consent-requests/router";
import { meRouter } from "./routers/me/router";
import { outboxRouter } from "./routers/outbox/router";
import { personsRouter } from "./routers/persons/router";
import { purposesRouter } from "./routers/purposes/router";
import { recordsRouter } from "./routers/records/router";
import { settingsRouter } from "./routers/settings/router";
import { signatureRouter } from "./routers/signature/router";
import { staffRouter } from "./routers/staff/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  consentRequests: consentRequestsRouter,
  audit: auditRouter,
  me: meRouter,
  outbox: outboxRouter,
  persons: personsRouter,
  purposes: purposesRouter,
  records: recordsRouter,
  settings: settingsRouter,
  signature: signatureRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
