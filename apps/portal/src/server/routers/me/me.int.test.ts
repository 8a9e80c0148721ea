import { createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, router } from "../../trpc";
import { meRouter } from "./router";

const createCaller = createCallerFactory(router({ me: meRouter }));
const at = new Date("2026-12-01T09:00:00Z");
let t: TestDatabase;
let userId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  userId = await createStaffUser(t.db, {
    email: "eli@staff.test",
    name: "Eli",
    role: "staff",
    passwordHash: "x",
  });
}, 60_000);
afterAll(async () => t?.close());

describe("me router", () => {
  it("#18 stores the staff user's language", async () => {
    const me = createCaller({
      db: t.db,
      user: { id: userId, name: "Eli", email: "eli@staff.test", role: "staff", locale: "de" },
      now: () => at,
    }).me;
    expect(await me.setLocale({ locale: "en" })).toEqual({ locale: "en" });
    const user = await t.db
      .selectFrom("staffUser")
      .select(["locale", "updatedAt"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ locale: "en", updatedAt: at });
  });
});
