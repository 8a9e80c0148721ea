import { randomBytes } from "node:crypto";
import { DomainError, type Language, type StaffRole } from "@purposeful/domain";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { createStaffAccount } from "./staff-users.ts";

/** better-auth's own minimum for staff passwords (apps/portal/src/server/auth.ts). */
export const minStaffPasswordLength = 12;
export const maxStaffPasswordLength = 128;

// Deliberately strict and simple: one @, no spaces, a dot in the domain. better-auth checks again.
const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normalizeStaffEmail(email: string): string | null {
  const normalized = email.trim().toLowerCase();
  return normalized.length <= 200 && emailPattern.test(normalized) ? normalized : null;
}

export interface NewAdmin {
  email: string;
  name?: string;
  locale?: Language;
  now: Date;
}

/**
 * `npm run admin:create`: a staff account with role admin and a random one-time password that
 * better-auth accepts (its own hash, a `credential` account). The password is returned once and
 * stored only as a hash; the account must change it at first sign-in. Refuses an invalid or
 * existing e-mail address (`DomainError` validation / conflict).
 */
export async function createAdminWithOneTimePassword(
  db: Database,
  input: NewAdmin,
): Promise<{ id: string; email: string; password: string }> {
  const email = normalizeStaffEmail(input.email);
  if (!email) throw new DomainError("validation", "invalid_email");
  const password = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const role: StaffRole = "admin";
  return db.transaction().execute(async (trx) => {
    const created = await createStaffAccount(trx, {
      name: input.name?.trim() || "Administrator",
      email,
      role,
      locale: input.locale ?? "de",
      passwordHash,
      oneTimePassword: true,
      actor: { type: "system", id: "admin:create" },
      at: input.now,
    });
    if (!created.ok) throw new DomainError("conflict", "staff_email_taken");
    return { id: created.id, email, password };
  });
}

export type PasswordChange =
  | { ok: true }
  | { ok: false; reason: "wrong_password" | "same_password" | "too_short" | "too_long" };

/**
 * Changes a staff user's password after checking the current one, clears the one-time flag, and
 * ends every session of the user (one that signed in with a leaked one-time password included),
 * so the user signs in again with the new password. Audited without any password in it.
 */
export async function changeStaffPassword(
  db: Database,
  input: { userId: string; currentPassword: string; newPassword: string; now: Date },
): Promise<PasswordChange> {
  if (input.newPassword.length < minStaffPasswordLength) return { ok: false, reason: "too_short" };
  if (input.newPassword.length > maxStaffPasswordLength) return { ok: false, reason: "too_long" };
  if (input.newPassword === input.currentPassword) return { ok: false, reason: "same_password" };
  // The user row is locked first, so two changes at once cannot both pass the check of the old password.
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("staffUser")
      .select("mustChangePassword")
      .where("id", "=", input.userId)
      .forUpdate()
      .executeTakeFirst();
    const account = await trx
      .selectFrom("staffAccount")
      .select(["id", "password"])
      .where("userId", "=", input.userId)
      .where("providerId", "=", "credential")
      .executeTakeFirst();
    if (!user || !account?.password) return { ok: false, reason: "wrong_password" } as const;
    if (!(await verifyPassword({ hash: account.password, password: input.currentPassword })))
      return { ok: false, reason: "wrong_password" } as const;
    const passwordHash = await hashPassword(input.newPassword);
    await trx
      .updateTable("staffAccount")
      .set({ password: passwordHash, updatedAt: input.now })
      .where("id", "=", account.id)
      .execute();
    await trx
      .updateTable("staffUser")
      .set({ mustChangePassword: false, updatedAt: input.now })
      .where("id", "=", input.userId)
      .execute();
    await trx.deleteFrom("staffSession").where("userId", "=", input.userId).execute();
    await recordAudit(trx, {
      actor: { type: "staff", id: input.userId },
      action: "staff.password_changed",
      entityType: "staff_user",
      entityId: input.userId,
      changes: { oneTimePasswordReplaced: user.mustChangePassword },
      at: input.now,
    });
    return { ok: true } as const;
  });
}
