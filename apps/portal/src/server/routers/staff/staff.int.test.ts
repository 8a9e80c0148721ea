import { createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, router } from "../../trpc";
import { staffRouter } from "./router";

const createCaller = createCallerFactory(router({ staff: staffRouter }));
const at = new Date("2026-12-01T09:00:00Z");
let t: TestDatabase;
let adminId: string;

function caller() {
  return createCaller({
    db: t.db,
    user: { id: adminId, name: "Ada", email: "ada@staff.test", role: "admin", locale: "en" },
    now: () => at,
  }).staff;
}

const eventsOf = (entityId: string) =>
  t.db
    .selectFrom("auditEvent")
    .select(["action", "actorId", "changes"])
    .where("entityId", "=", entityId)
    .orderBy("id")
    .execute();

beforeAll(async () => {
  t = await createTestDatabase();
  adminId = await createStaffUser(t.db, {
    email: "ada@staff.test",
    name: "Ada",
    role: "admin",
    passwordHash: "x",
  });
}, 60_000);
afterAll(async () => t?.close());

describe("staff router (procedures call packages/db)", () => {
  it("#18 creates a staff user with a credential account, audited; a taken address writes nothing", async () => {
    const input = {
      name: "Ben",
      email: "ben@staff.test",
      role: "marketing" as const,
      password: "a long password",
    };
    const { id } = await caller().create(input);
    const user = await t.db
      .selectFrom("staffUser")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      name: "Ben",
      role: "marketing",
      locale: "de",
      banned: false,
      emailVerified: true,
    });
    const accounts = await t.db.selectFrom("staffAccount").selectAll().where("userId", "=", id).execute();
    expect(accounts).toMatchObject([{ providerId: "credential", accountId: id }]);
    expect(await eventsOf(id)).toEqual([
      { action: "staff.created", actorId: adminId, changes: { role: "marketing", locale: "de" } },
    ]);

    await expect(caller().create({ ...input, name: "Ben Two" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "email_taken",
    });
    const count = await t.db
      .selectFrom("staffUser")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("email", "=", "ben@staff.test")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("#18 changes a role, audited; the last active admin cannot be demoted; an unknown user is not found", async () => {
    const other = await createStaffUser(t.db, {
      email: "cy@staff.test",
      name: "Cy",
      role: "admin",
      passwordHash: "x",
    });
    expect(await caller().setRole({ userId: other, role: "dpo" })).toEqual({ id: other, role: "dpo" });
    expect(await eventsOf(other)).toEqual([
      { action: "staff.role_changed", actorId: adminId, changes: { from: "admin", to: "dpo" } },
    ]);
    await expect(caller().setRole({ userId: adminId, role: "staff" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "last_admin",
    });
    const admin = await t.db
      .selectFrom("staffUser")
      .select("role")
      .where("id", "=", adminId)
      .executeTakeFirst();
    expect(admin?.role).toBe("admin");
    await expect(caller().setRole({ userId: "usr_nobody", role: "staff" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("#18 deactivating ends the user's sessions and is audited; nobody deactivates themselves", async () => {
    const dan = await createStaffUser(t.db, {
      email: "dan@staff.test",
      name: "Dan",
      role: "staff",
      passwordHash: "x",
    });
    await t.db
      .insertInto("staffSession")
      .values({
        id: "sess_dan",
        token: "tok_dan",
        userId: dan,
        expiresAt: new Date(at.getTime() + 3_600_000),
      })
      .execute();
    expect(await caller().setActive({ userId: dan, active: false })).toEqual({ id: dan, active: false });
    const user = await t.db.selectFrom("staffUser").select("banned").where("id", "=", dan).executeTakeFirst();
    expect(user?.banned).toBe(true);
    expect(await t.db.selectFrom("staffSession").select("id").where("userId", "=", dan).execute()).toEqual(
      [],
    );
    expect(await caller().setActive({ userId: dan, active: true })).toEqual({ id: dan, active: true });
    expect((await eventsOf(dan)).map((event) => event.action)).toEqual([
      "staff.deactivated",
      "staff.reactivated",
    ]);

    await expect(caller().setActive({ userId: adminId, active: false })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "self_deactivation",
    });
    await expect(caller().setActive({ userId: "usr_nobody", active: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("initial passwords (#15)", () => {
  it("#15 a colleague created by an admin must replace the initial password at the first sign-in", async () => {
    const created = await caller().create({
      name: "Cleo",
      email: "cleo@staff.test",
      role: "staff",
      password: "an initial password",
    });
    const row = await t.db
      .selectFrom("staffUser")
      .select("mustChangePassword")
      .where("email", "=", "cleo@staff.test")
      .executeTakeFirstOrThrow();
    expect(created).toBeTruthy();
    expect(row.mustChangePassword).toBe(true);
  });
});
