import { createAdminWithOneTimePassword } from "@purposeful/db";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessage } from "./errors";
import { appRouter, createCaller } from "./root";
import type { Context, Meta } from "./trpc";

// #15: a user who signed in with the one-time password of `npm run admin:create` can do nothing
// but change it; the sibling of role-enforcement.int.test.ts, over every procedure of the router.
let t: TestDatabase;
let admin: { id: string; email: string; password: string };
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createAdminWithOneTimePassword(t.db, { email: "first@muster.example", now: new Date() });
});
afterAll(async () => t?.close());

type AnyProcedure = { _def: { meta?: Meta } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

function context(mustChangePassword: boolean, locale: Language = "en"): Context {
  const user = { id: admin.id, name: "Admin", email: admin.email, role: "admin" as const, locale };
  return { db: t.db, user: { ...user, mustChangePassword }, now: () => new Date("2026-12-01T09:00:00Z") };
}

async function call(ctx: Context, path: string, input?: unknown): Promise<unknown> {
  let target: unknown = createCaller(ctx);
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input?: unknown) => Promise<unknown>)(input);
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
}

describe("#15 a one-time password must be changed before anything else", () => {
  it("#15 only me.changePassword is open to a user who must change the password", () => {
    const open = procedures.filter(([, p]) => p._def.meta?.whilePasswordChangeRequired).map(([path]) => path);
    expect(open).toEqual(["me.changePassword"]);
  });

  for (const [path, procedure] of procedures) {
    if (procedure._def.meta?.whilePasswordChangeRequired) continue;
    it(`#15 ${path} refuses an admin who must change the one-time password`, async () => {
      const error = await errorOf(call(context(true), path));
      expect(error?.code).toBe("FORBIDDEN");
      expect(error && errorMessage(error, "en")).toBe("Please change your one-time password first.");
    });
  }

  it("#15 the change refuses a wrong current password in the user's language and keeps the flag", async () => {
    const error = await errorOf(
      call(context(true, "de"), "me.changePassword", {
        currentPassword: "not-the-password",
        newPassword: "my-own-long-password",
      }),
    );
    expect(error?.code).toBe("BAD_REQUEST");
    expect(error && errorMessage(error, "de")).toBe("Das bisherige Passwort stimmt nicht.");
    const user = await t.db
      .selectFrom("staffUser")
      .select("mustChangePassword")
      .where("id", "=", admin.id)
      .executeTakeFirstOrThrow();
    expect(user.mustChangePassword).toBe(true);
  });

  it("#15 the change with the one-time password clears the flag and opens the portal", async () => {
    await expect(
      call(context(true), "me.changePassword", {
        currentPassword: admin.password,
        newPassword: "my-own-long-password",
      }),
    ).resolves.toEqual({ changed: true });
    const user = await t.db
      .selectFrom("staffUser")
      .select("mustChangePassword")
      .where("id", "=", admin.id)
      .executeTakeFirstOrThrow();
    expect(user.mustChangePassword).toBe(false);
    expect(await errorOf(call(context(false), "staff.list"))).toBeNull();
  });
});
