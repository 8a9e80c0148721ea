import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { hitRateLimit, pruneRateLimits } from "./rate-limit.ts";

const now = new Date("2026-11-29T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe("#11 rate-limit housekeeping", () => {
  it("#11 prunes old windows of both apps' rate-limit tables and keeps live ones", async () => {
    const limit = { limit: 5, windowSeconds: 3600 };
    await hitRateLimit(t.db, "link:203.0.113.0", limit, minutesAgo(180));
    await hitRateLimit(t.db, "link:198.51.100.0", limit, minutesAgo(30));
    await t.db
      .insertInto("staffRateLimit")
      .values([
        { id: "old", key: "203.0.113.7|/sign-in/email", count: 3, lastRequest: minutesAgo(180).getTime() },
        { id: "live", key: "198.51.100.9|/sign-in/email", count: 1, lastRequest: minutesAgo(1).getTime() },
      ])
      .execute();

    expect(await pruneRateLimits(t.db, { olderThanSeconds: 7200, now })).toEqual({ microsite: 1, staff: 1 });
    expect((await t.db.selectFrom("micrositeRateLimit").select("key").execute()).map((r) => r.key)).toEqual([
      "link:198.51.100.0",
    ]);
    expect((await t.db.selectFrom("staffRateLimit").select("id").execute()).map((r) => r.id)).toEqual([
      "live",
    ]);
  });
});
