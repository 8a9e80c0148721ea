import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/index.ts";
import { findPersonByExactEmail, resetAttempts, takeAttempt } from "./kiosk.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe("takeAttempt", () => {
  const limit = { max: 2, windowMs: 60_000 };
  const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 9, 0, seconds));

  it("#13 allows `max` attempts per window, starts over when the window passed, and resets", async () => {
    const key = "kiosk-exit:test";
    expect(await takeAttempt(t.db, { key, ...limit, now: at(0) })).toBe(true);
    expect(await takeAttempt(t.db, { key, ...limit, now: at(10) })).toBe(true);
    expect(await takeAttempt(t.db, { key, ...limit, now: at(20) })).toBe(false);
    expect(await takeAttempt(t.db, { key, ...limit, now: at(59) })).toBe(false);
    // The window began with the first attempt; a minute later the budget is back.
    expect(await takeAttempt(t.db, { key, ...limit, now: at(61) })).toBe(true);
    expect(await takeAttempt(t.db, { key, ...limit, now: at(62) })).toBe(true);
    expect(await takeAttempt(t.db, { key, ...limit, now: at(63) })).toBe(false);
    await resetAttempts(t.db, key);
    expect(await takeAttempt(t.db, { key, ...limit, now: at(64) })).toBe(true);
  });

  it("#13 counts concurrent attempts without losing one", async () => {
    const key = "kiosk-exit:concurrent";
    const results = await Promise.all(
      Array.from({ length: 6 }, () => takeAttempt(t.db, { key, max: 3, windowMs: 60_000, now: at(0) })),
    );
    expect(results.filter(Boolean)).toHaveLength(3);
  });
});

describe("findPersonByExactEmail", () => {
  it("#13 matches the whole address regardless of case and spaces, prefers the primary address", async () => {
    const secondary = await createPerson(t.db, { emails: ["other@example.com", "Shared@Example.com"] });
    const primary = await createPerson(t.db, { emails: ["shared@example.com"] });
    expect((await findPersonByExactEmail(t.db, " SHARED@example.COM "))?.id).toBe(primary);
    expect((await findPersonByExactEmail(t.db, "other@example.com"))?.id).toBe(secondary);
    expect(await findPersonByExactEmail(t.db, "shared@example")).toBeNull();
    expect(await findPersonByExactEmail(t.db, "%@example.com")).toBeNull();
  });
});
