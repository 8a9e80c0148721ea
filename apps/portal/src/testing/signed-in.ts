import { randomUUID } from "node:crypto";
import type { Database } from "@purposeful/db";
import type { Language, StaffRole } from "@purposeful/domain";
import { hashPassword } from "better-auth/crypto";
import superjson from "superjson";
import { POST as authPost } from "../app/api/auth/[...all]/route";
import { POST as trpcPost } from "../app/api/trpc/[trpc]/route";
import { env } from "../env";

/**
 * Test helpers for the real route handlers: the app's lazily opened database and better-auth
 * instance are pointed at the test database, staff users are created with a password, and
 * sessions come from the real sign-in endpoint, as a browser gets them.
 */
export function useTestDatabase(db: Database): void {
  const global = globalThis as unknown as { purposefulDb?: Promise<Database>; purposefulAuth?: unknown };
  global.purposefulDb = Promise.resolve(db);
  global.purposefulAuth = undefined;
}

export const testPassword = "correct horse battery staple";

export async function createStaffUser(
  db: Database,
  role: StaffRole,
  options: { locale?: Language; password?: string } = {},
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@staff.test`;
  const now = new Date();
  await db
    .insertInto("staffUser")
    .values({
      id,
      name: `${role} ${id.slice(0, 4)}`,
      email,
      role,
      locale: options.locale ?? "en",
      emailVerified: true,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto("staffAccount")
    .values({
      id: randomUUID(),
      userId: id,
      accountId: id,
      providerId: "credential",
      password: await hashPassword(options.password ?? testPassword),
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { id, email };
}

/** Signs in through `POST /api/auth/sign-in/email` and returns the session cookie to send. */
export async function signIn(email: string, password = testPassword): Promise<string> {
  const response = await authPost(
    new Request(`${env.PORTAL_URL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: env.PORTAL_URL },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.includes("session_token="));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie;
}

/** Calls a tRPC mutation over `POST /api/trpc/{path}` with the cookie, as the browser does. */
export async function mutate(cookie: string, path: string, input?: unknown): Promise<Response> {
  return trpcPost(
    new Request(`${env.PORTAL_URL}/api/trpc/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie, Origin: env.PORTAL_URL },
      body: JSON.stringify(superjson.serialize(input)),
    }),
  );
}
