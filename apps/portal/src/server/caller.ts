import "server-only";
import { cache } from "react";
import { getDb } from "./db";
import { createCaller } from "./root";
import { requireStaffSession } from "./session";

/** tRPC called from server components: the same procedures, role and kiosk checks as over HTTP. */
export const getServerCaller = cache(async () => {
  const { user, session } = await requireStaffSession();
  return { caller: createCaller({ db: await getDb(), user, session, now: () => new Date() }), user };
});
