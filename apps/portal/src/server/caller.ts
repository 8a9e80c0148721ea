import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "./db";
import { createCaller } from "./root";
import { getStaffSession } from "./session";

/** tRPC called from server components: the same procedures, role and kiosk checks as over HTTP. */
export const getServerCaller = cache(async () => {
  const signedIn = await getStaffSession();
  if (!signedIn) redirect("/sign-in");
  const { user, session } = signedIn;
  return { caller: createCaller({ db: await getDb(), user, session, now: () => new Date() }), user };
});
