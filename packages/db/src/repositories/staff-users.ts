import { randomUUID } from "node:crypto";
import type { Language, StaffRole } from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

export async function listStaffUsers(db: Database) {
  return db
    .selectFrom("staffUser")
    .select(["id", "name", "email", "role", "locale", "banned", "createdAt"])
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function getStaffLocale(db: Database, userId: string): Promise<Language> {
  const row = await db.selectFrom("staffUser").select("locale").where("id", "=", userId).executeTakeFirst();
  return row?.locale ?? "de";
}

/** The names of these staff users (for "by whom" columns); unknown ids are left out. */
export async function staffUserNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom("staffUser").select(["id", "name"]).where("id", "in", unique).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The active staff users' ids and names, by name: whom a follow-up or a case can be assigned to. */
export async function assignableStaff(db: Database): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom("staffUser")
    .select(["id", "name"])
    .where("banned", "=", false)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

/** Whether a staff user exists and is not deactivated (new sessions are refused otherwise). */
export async function isActiveStaffUser(db: Database, userId: string): Promise<boolean> {
  const user = await db.selectFrom("staffUser").select("banned").where("id", "=", userId).executeTakeFirst();
  return user !== undefined && !user.banned;
}

/** The staff user's language for the whole portal. */
export async function setStaffLocale(
  db: Database,
  input: { userId: string; locale: Language; at: Date },
): Promise<void> {
  await db
    .updateTable("staffUser")
    .set({ locale: input.locale, updatedAt: input.at })
    .where("id", "=", input.userId)
    .execute();
}

export interface NewStaffAccount {
  name: string;
  email: string;
  role: StaffRole;
  locale: Language;
  /** better-auth's hash of the initial password (hashed before the transaction: it is slow). */
  passwordHash: string;
  /** a random password printed once (`admin:create`), recorded as such in the audit trail */
  oneTimePassword?: boolean;
  actor: Actor;
  at: Date;
}

/**
 * Creates a staff user with an e-mail-and-password account (better-auth's `credential`), audited;
 * call in a transaction. Refuses an e-mail address another staff user has, writing nothing.
 */
export async function createStaffAccount(
  trx: Database,
  input: NewStaffAccount,
): Promise<{ ok: true; id: string } | { ok: false; reason: "email_taken" }> {
  const taken = await trx
    .selectFrom("staffUser")
    .select("id")
    .where("email", "=", input.email)
    .executeTakeFirst();
  if (taken) return { ok: false, reason: "email_taken" };
  const id = randomUUID();
  await trx
    .insertInto("staffUser")
    .values({
      id,
      name: input.name,
      email: input.email,
      role: input.role,
      locale: input.locale,
      emailVerified: true,
      // The admin chose (and knows) the initial password: the colleague replaces it at first sign-in.
      mustChangePassword: true,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .execute();
  await trx
    .insertInto("staffAccount")
    .values({
      id: randomUUID(),
      userId: id,
      accountId: id,
      providerId: "credential",
      password: input.passwordHash,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .execute();
  await recordAudit(trx, {
    actor: input.actor,
    action: "staff.created",
    entityType: "staff_user",
    entityId: id,
    changes: {
      role: input.role,
      locale: input.locale,
      ...(input.oneTimePassword ? { oneTimePassword: true } : {}),
    },
    at: input.at,
  });
  return { ok: true, id };
}

export type StaffChangeRefusal = "not_found" | "last_admin";

/** Locks the active admins so two concurrent demotions cannot both pass the last-admin check. */
async function anotherActiveAdmin(trx: Database, userId: string): Promise<boolean> {
  const admins = await trx
    .selectFrom("staffUser")
    .select("id")
    .where("role", "=", "admin")
    .where("banned", "=", false)
    .forUpdate()
    .execute();
  return admins.some((admin) => admin.id !== userId);
}

/** Locks the user's row for the change; undefined when there is no such user. */
function lockStaffUser(trx: Database, userId: string) {
  return trx
    .selectFrom("staffUser")
    .select(["id", "role"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Gives a staff user another role, audited; call in a transaction. The last active admin cannot be
 * demoted (nothing is written then).
 */
export async function setStaffRole(
  trx: Database,
  input: { userId: string; role: StaffRole; actor: Actor; at: Date },
): Promise<{ ok: true; id: string; role: StaffRole } | { ok: false; reason: StaffChangeRefusal }> {
  const user = await lockStaffUser(trx, input.userId);
  if (!user) return { ok: false, reason: "not_found" };
  if (user.role === "admin" && input.role !== "admin" && !(await anotherActiveAdmin(trx, user.id)))
    return { ok: false, reason: "last_admin" };
  await trx
    .updateTable("staffUser")
    .set({ role: input.role, updatedAt: input.at })
    .where("id", "=", user.id)
    .execute();
  await recordAudit(trx, {
    actor: input.actor,
    action: "staff.role_changed",
    entityType: "staff_user",
    entityId: user.id,
    changes: { from: user.role, to: input.role },
    at: input.at,
  });
  return { ok: true, id: user.id, role: input.role };
}

/**
 * Deactivates a staff user (and signs them out everywhere at once: their sessions are deleted) or
 * reactivates them, audited; call in a transaction. Their history stays attributed to them. The
 * last active admin cannot be deactivated (nothing is written then).
 */
export async function setStaffActive(
  trx: Database,
  input: { userId: string; active: boolean; actor: Actor; at: Date },
): Promise<{ ok: true; id: string; active: boolean } | { ok: false; reason: StaffChangeRefusal }> {
  const user = await lockStaffUser(trx, input.userId);
  if (!user) return { ok: false, reason: "not_found" };
  if (!input.active && user.role === "admin" && !(await anotherActiveAdmin(trx, user.id)))
    return { ok: false, reason: "last_admin" };
  await trx
    .updateTable("staffUser")
    .set({ banned: !input.active, updatedAt: input.at })
    .where("id", "=", user.id)
    .execute();
  if (!input.active) await trx.deleteFrom("staffSession").where("userId", "=", user.id).execute();
  await recordAudit(trx, {
    actor: input.actor,
    action: input.active ? "staff.reactivated" : "staff.deactivated",
    entityType: "staff_user",
    entityId: user.id,
    at: input.at,
  });
  return { ok: true, id: user.id, active: input.active };
}
