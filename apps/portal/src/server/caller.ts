import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "./db";
import { createCaller } from "./root";
import { getStaffUser } from "./session";

/** tRPC called from server components: the same procedures and role checks as over HTTP. */
export const getServerCaller = cache(async () => {
  const user = await getStaffUser();
  if (!user) redirect("/sign-in");
  return { caller: createCaller({ db: await getDb(), user, now: () => new Date() }), user };
});
