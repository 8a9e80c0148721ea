import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";
import { appRouter } from "../../../../server/root";
import { getSessionStaffUser } from "../../../../server/session";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // The session's user even with a one-time password still to change: procedureFor refuses them.
    createContext: async () => ({
      db: await getDb(),
      user: await getSessionStaffUser(),
      now: () => new Date(),
    }),
    onError({ error, path }) {
      // Codes and paths only: inputs may hold personal data.
      if (error.code === "INTERNAL_SERVER_ERROR")
        logger.error({ path, err: loggableError(error.cause ?? error) }, "procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
