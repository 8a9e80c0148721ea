import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

/** Puts a staff session into kiosk scope (the signature tablet) or back into full staff scope. */
export async function setSessionKiosk(db: Database, sessionId: string, kiosk: boolean): Promise<boolean> {
  const result = await db
    .updateTable("staffSession")
    .set({ kiosk })
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The password hash of a staff user's e-mail-and-password account, if there is one. */
export async function staffPasswordHash(db: Database, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("staffAccount")
    .select("password")
    .where("userId", "=", userId)
    .where("providerId", "=", "credential")
    .executeTakeFirst();
  return row?.password ?? null;
}

/**
 * Takes one attempt from a fixed-window budget kept in `staff_rate_limit` (shared by every
 * instance); false when the budget of the window is used up. The increment is one statement, so
 * concurrent attempts cannot both take the last one.
 */
export async function takeAttempt(
  db: Database,
  input: { key: string; max: number; windowMs: number; now: Date },
): Promise<boolean> {
  const now = input.now.getTime();
  const windowStart = now - input.windowMs;
  const row = await db
    .insertInto("staffRateLimit")
    .values({ id: input.key, key: input.key, count: 1, lastRequest: now })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        // A window that has passed starts over; the window starts at its first attempt.
        count: eb
          .case()
          .when("staffRateLimit.lastRequest", "<", windowStart)
          .then(1)
          .else(eb("staffRateLimit.count", "+", 1))
          .end(),
        lastRequest: eb
          .case()
          .when("staffRateLimit.lastRequest", "<", windowStart)
          .then(now)
          .else(eb.ref("staffRateLimit.lastRequest"))
          .end(),
      })),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return row.count <= input.max;
}

/** Gives back the whole budget of `key` (after a successful attempt). */
export async function resetAttempts(db: Database, key: string): Promise<void> {
  await db.deleteFrom("staffRateLimit").where("key", "=", key).execute();
}

/**
 * The one person whose e-mail address is exactly `email` (trimmed, case-insensitive), for the
 * signature tablet: no prefix or name search, so nobody else is listed. Several persons sharing
 * an address give the one that has it as primary address, then the oldest.
 */
export async function findPersonByExactEmail(db: Database, email: string) {
  const normalized = normalizeEmail(email);
  if (!normalized) return null;
  const row = await db
    .selectFrom("personEmail")
    .innerJoin("person", "person.id", "personEmail.personId")
    .select(["person.id", "person.firstName", "person.lastName"])
    .where((eb) => eb(eb.fn("lower", ["personEmail.address"]), "=", normalized))
    .where("person.erasedLevel", "<", 3)
    .orderBy("personEmail.isPrimary", "desc")
    .orderBy("person.createdAt")
    .orderBy("person.id")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** The form e-mail addresses are compared in: trimmed, lower case, Unicode NFC. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}

export type KioskAction = "kiosk.entered" | "kiosk.left" | "kiosk.leave_refused";

/** Audits entering or leaving kiosk scope (or a refused exit) as the staff user, in a transaction of its own. */
export async function auditKioskEvent(
  db: Database,
  input: { staffUserId: string; action: KioskAction; at: Date },
): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor: { type: "staff", id: input.staffUserId },
      action: input.action,
      entityType: "staff_user",
      entityId: input.staffUserId,
      at: input.at,
    }),
  );
}
