import "server-only";
import { isStaffRole, type StaffRole } from "@purposeful/domain";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth } from "./auth";

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  locale: "de" | "en";
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

/** The staff user and session behind these request headers, or null; a deactivated account counts as signed out. */
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
    },
    session: { id: session.id, kiosk: session.kiosk === true },
  };
}

/** The signed-in staff user and session of this request (server components), or null. */
export const getStaffSession = cache(
  async (): Promise<SignedInStaff | null> => readStaffSession(await headers()),
);

/** The signed-in staff user of this request, or null. */
export const getStaffUser = cache(
  async (): Promise<StaffUser | null> => (await getStaffSession())?.user ?? null,
);
