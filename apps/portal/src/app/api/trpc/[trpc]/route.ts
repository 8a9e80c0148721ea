import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";
import { appRouter } from "../../../../server/root";
import { readStaffSession } from "../../../../server/session";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // The session's user even with a one-time password still to change: procedureFor refuses them.
    createContext: async () => {
      const signedIn = await readStaffSession(req.headers);
      return {
        db: await getDb(),
        user: signedIn?.user ?? null,
        session: signedIn?.session ?? null,
        now: () => new Date(),
      };
    },
    onError({ error, path }) {
      // Codes and paths only: inputs may hold personal data.
      if (error.code === "INTERNAL_SERVER_ERROR")
        logger.error({ path, err: loggableError(error.cause ?? error) }, "procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
