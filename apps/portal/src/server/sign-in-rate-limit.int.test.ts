import { parseTrustedProxies } from "@purposeful/db/client-address";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Auth } from "./auth";
import { CLIENT_ADDRESS_HEADER, withTrustedClientAddress } from "./client-address";
import { createAuth } from "./create-auth";

// #11: better-auth's sign-in limit (10 per minute per address) keys on the trusted client address,
// never on an X-Forwarded-For the client wrote itself. Requests go through the auth route's own
// wrapping into better-auth's real handler and its rate-limit table in PostgreSQL.
let t: TestDatabase;
let auth: Auth;

beforeAll(async () => {
  t = await createTestDatabase();
  auth = createAuth(t.db);
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.db.deleteFrom("staffRateLimit").execute();
});

function signIn(forwardedFor: string, trustedProxies: string) {
  const request = new Request("http://localhost:3000/api/auth/sign-in/email", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: "http://localhost:3000",
      "x-forwarded-for": forwardedFor,
      // A client cannot hand better-auth an address directly either.
      [CLIENT_ADDRESS_HEADER]: forwardedFor,
    },
    body: JSON.stringify({ email: "nobody@purposeful.example", password: "wrong-password-123" }),
  });
  return auth.handler(withTrustedClientAddress(request, parseTrustedProxies(trustedProxies)));
}

describe("#11 sign-in rate limit", () => {
  it("#11 a spoofed X-Forwarded-For does not bypass the sign-in limit", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) statuses.push((await signIn(`203.0.113.${i}`, "")).status);
    expect(statuses.slice(0, 10).every((status) => status !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
    const keys = (await t.db.selectFrom("staffRateLimit").select("key").execute()).map((row) => row.key);
    expect(keys.some((key) => key.includes("203.0.113."))).toBe(false);
  });

  it("#11 behind a trusted proxy, the address the proxy appended is the key", async () => {
    // One hop: the proxy appends the real client; whatever the client wrote before it is ignored.
    for (let i = 1; i <= 10; i++) await signIn(`6.6.6.${i}, 198.51.100.7`, "1");
    expect((await signIn("6.6.6.99, 198.51.100.7", "1")).status).toBe(429);
    expect((await signIn("198.51.100.8", "1")).status).not.toBe(429);
    const keys = (await t.db.selectFrom("staffRateLimit").select("key").execute()).map((row) => row.key);
    expect(keys.some((key) => key.startsWith("198.51.100.7|"))).toBe(true);
    expect(keys.some((key) => key.includes("6.6.6."))).toBe(false);
  });
});
