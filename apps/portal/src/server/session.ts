import "server-only";
import { isStaffRole, type Language, type StaffRole } from "@purposeful/domain";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  locale: Language;
  /** true until a one-time password (`npm run admin:create`) is replaced; absent means false */
  mustChangePassword?: boolean;
}

/** The better-auth session a request runs on; `kiosk` limits it to the signature tablet. */
export interface StaffSessionScope {
  id: string;
  kiosk: boolean;
}

export interface SignedInStaff {
  user: StaffUser;
  session: StaffSessionScope;
}

/**
 * The staff user and session behind these request headers, or null; a deactivated account counts
 * as signed out. Includes a user who must still change a one-time password: the tRPC context (whose
 * procedures refuse such a user), the change-password page and sign-in read this.
 */
export async function readStaffSession(requestHeaders: Headers): Promise<SignedInStaff | null> {
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: requestHeaders });
  if (!found) return null;
  const { user, session } = found;
  if (user.banned || !isStaffRole(user.role)) return null;
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale === "en" ? "en" : "de",
      mustChangePassword: user.mustChangePassword === true,
    },
    session: { id: session.id, kiosk: session.kiosk === true },
  };
}

/** The signed-in staff user and session of this request (server components), or null. */
export const getStaffSession = cache(
  async (): Promise<SignedInStaff | null> => readStaffSession(await headers()),
);

/** The session's staff user, even with a one-time password still to change, or null. */
export const getSessionStaffUser = cache(
  async (): Promise<StaffUser | null> => (await getStaffSession())?.user ?? null,
);

/** The signed-in staff user who may use the portal: null as well while a one-time password is unchanged. */
export const getStaffUser = cache(async (): Promise<StaffUser | null> => {
  const user = await getSessionStaffUser();
  return user && !user.mustChangePassword ? user : null;
});

/** For staff pages: the user and session, or a redirect to sign-in or to the change of a one-time password. */
export async function requireStaffSession(): Promise<SignedInStaff> {
  const signedIn = await getStaffSession();
  if (!signedIn) redirect("/sign-in");
  if (signedIn.user.mustChangePassword) redirect("/change-password");
  return signedIn;
}

/** For staff pages that need only the user. */
export async function requireStaffUser(): Promise<StaffUser> {
  return (await requireStaffSession()).user;
}
