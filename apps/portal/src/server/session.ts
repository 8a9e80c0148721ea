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

/** The signed-in staff user of this request, or null; a deactivated account counts as signed out. */
export const getStaffUser = cache(async (): Promise<StaffUser | null> => {
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
  };
});
