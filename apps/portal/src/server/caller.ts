import "server-only";
import { cache } from "react";
import { getDb } from "./db";
import { createCaller } from "./root";
import { requireStaffUser } from "./session";

/** tRPC called from server components: the same procedures and role checks as over HTTP. */
export const getServerCaller = cache(async () => {
  const user = await requireStaffUser();
  return { caller: createCaller({ db: await getDb(), user, now: () => new Date() }), user };
});
