import "server-only";
import { isStaffRole, type StaffRole } from "@purposeful/domain";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  locale: "de" | "en";
  /** true until a one-time password (`npm run admin:create`) is replaced; absent means false */
  mustChangePassword?: boolean;
}

/**
 * The staff user of this request's session, or null; a deactivated account counts as signed out.
 * Includes a user who must still change a one-time password: only the change-password page, the
 * tRPC context (whose procedures refuse such a user) and sign-in use this.
 */
export const getSessionStaffUser = cache(async (): Promise<StaffUser | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  if (user.banned || !isStaffRole(user.role)) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    locale: user.locale === "en" ? "en" : "de",
    mustChangePassword: user.mustChangePassword === true,
  };
});

/** The signed-in staff user who may use the portal: null as well while a one-time password is unchanged. */
export const getStaffUser = cache(async (): Promise<StaffUser | null> => {
  const user = await getSessionStaffUser();
  return user && !user.mustChangePassword ? user : null;
});

/** For staff pages: the user, or a redirect to sign-in or to the change of a one-time password. */
export async function requireStaffUser(): Promise<StaffUser> {
  const user = await getSessionStaffUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword) redirect("/change-password");
  return user;
}
