import { betterAuth } from "better-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import type { Database } from "../create-database.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { changeStaffPassword, createAdminWithOneTimePassword } from "./staff-accounts.ts";

const now = new Date("2026-12-01T09:00:00Z");
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

/** better-auth configured on the staff tables as the portal does (apps/portal/src/server/auth.ts). */
function staffAuth(db: Database) {
  return betterAuth({
    baseURL: "http://localhost:3000",
    secret: "test-secret-test-secret-test-secret-32",
    database: { db, type: "postgres" },
    user: { modelName: "staffUser" },
    session: { modelName: "staffSession" },
    account: { modelName: "staffAccount" },
    verification: { modelName: "staffVerification" },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12 },
    rateLimit: { enabled: false },
  });
}

const signIn = (email: string, password: string) =>
  staffAuth(t.db)
    .api.signInEmail({ body: { email, password } })
    .then(
      (result) => result.token,
      () => null,
    );

const countRows = async (table: "staffUser" | "staffAccount") =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("npm run admin:create (#15)", () => {
  it("#15 creates an admin with a one-time password that better-auth accepts and that must be changed", async () => {
    const admin = await createAdminWithOneTimePassword(t.db, {
      email: "  First.Admin@Muster.example ",
      name: "Erika Muster",
      now,
    });
    expect(admin.email).toBe("first.admin@muster.example");
    expect(admin.password.length).toBeGreaterThanOrEqual(20);

    const user = await t.db
      .selectFrom("staffUser")
      .selectAll()
      .where("id", "=", admin.id)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      role: "admin",
      mustChangePassword: true,
      name: "Erika Muster",
      banned: false,
    });
    const account = await t.db
      .selectFrom("staffAccount")
      .selectAll()
      .where("userId", "=", admin.id)
      .executeTakeFirstOrThrow();
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain(admin.password);

    expect(await signIn(admin.email, admin.password)).toEqual(expect.any(String));
    expect(await signIn(admin.email, `${admin.password}x`)).toBeNull();

    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["action", "actorType", "changes"])
      .where("entityId", "=", admin.id)
      .execute();
    expect(audit).toEqual([
      {
        action: "staff.created",
        actorType: "system",
        changes: { role: "admin", locale: "de", oneTimePassword: true },
      },
    ]);
  });

  it("#15 refuses an e-mail address that exists already, in any case, and writes nothing", async () => {
    await createAdminWithOneTimePassword(t.db, { email: "taken@muster.example", now });
    const before = await Promise.all([countRows("staffUser"), countRows("staffAccount")]);
    await expect(
      createAdminWithOneTimePassword(t.db, { email: "Taken@Muster.example", now }),
    ).rejects.toMatchObject({ code: "conflict", reason: "staff_email_taken" });
    expect(await Promise.all([countRows("staffUser"), countRows("staffAccount")])).toEqual(before);
  });

  it.each(["no-at-sign", "two@@muster.example", "space in@muster.example", "nodot@localhost", ""])(
    "#15 refuses %j as an e-mail address",
    async (email) => {
      const before = await countRows("staffUser");
      await expect(createAdminWithOneTimePassword(t.db, { email, now })).rejects.toMatchObject({
        code: "validation",
      });
      expect(await countRows("staffUser")).toBe(before);
    },
  );
});

describe("changing the one-time password (#15)", () => {
  it("#15 refuses a wrong current password and a reused one, then clears the flag, ends sessions and audits", async () => {
    const admin = await createAdminWithOneTimePassword(t.db, { email: "change@muster.example", now });
    expect(await signIn(admin.email, admin.password)).not.toBeNull();
    const sessions = () =>
      t.db.selectFrom("staffSession").select("id").where("userId", "=", admin.id).execute();
    expect(await sessions()).toHaveLength(1);
    const change = (currentPassword: string, newPassword: string) =>
      changeStaffPassword(t.db, { userId: admin.id, currentPassword, newPassword, now });

    expect(await change("wrong-password-123", "a-new-long-password")).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect(await change(admin.password, admin.password)).toEqual({ ok: false, reason: "same_password" });
    expect(await change(admin.password, "short")).toEqual({ ok: false, reason: "too_short" });
    const flag = async () =>
      (
        await t.db
          .selectFrom("staffUser")
          .select("mustChangePassword")
          .where("id", "=", admin.id)
          .executeTakeFirstOrThrow()
      ).mustChangePassword;
    expect(await flag()).toBe(true);

    expect(await change(admin.password, "a-new-long-password")).toEqual({ ok: true });
    expect(await flag()).toBe(false);
    expect(await sessions()).toHaveLength(0);
    expect(await signIn(admin.email, admin.password)).toBeNull();
    expect(await signIn(admin.email, "a-new-long-password")).not.toBeNull();
    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["action", "actorType", "actorId", "changes"])
      .where("action", "=", "staff.password_changed")
      .execute();
    expect(audit).toEqual([
      {
        action: "staff.password_changed",
        actorType: "staff",
        actorId: admin.id,
        changes: { oneTimePasswordReplaced: true },
      },
    ]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
