import type { Database } from "@purposeful/db";
import { createStaffUser } from "@purposeful/db/seed";
import { type Language, type StaffRole, staffRoles } from "@purposeful/domain";
import type { Context } from "../server/trpc";

/** One staff user of each role ("<role>@staff.test", named "<role> user"), for router tests. */
export async function createStaffOfEveryRole(db: Database): Promise<Record<StaffRole, string>> {
  const ids = {} as Record<StaffRole, string>;
  for (const role of staffRoles)
    ids[role] = await createStaffUser(db, {
      email: `${role}@staff.test`,
      name: `${role} user`,
      role,
      passwordHash: "x",
    });
  return ids;
}

/** The context a router test calls with: that role's user, signed in, at a fixed `now`. */
export function contextOf(
  db: Database,
  ids: Record<StaffRole, string>,
  role: StaffRole,
  at: Date,
  locale: Language = "en",
): Context {
  return {
    db,
    user: { id: ids[role], name: `${role} user`, email: `${role}@staff.test`, role, locale },
    now: () => at,
  };
}
