import type { TrafficLight } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { lightDistribution, lightTrend, recordLightSnapshot, retentionDueCounts } from "./dashboard.ts";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const setLight = (id: string, light: TrafficLight) =>
  t.db.updateTable("person").set({ trafficLight: light }).where("id", "=", id).execute();

describe("dashboard figures (issue 11 #9)", () => {
  it("count the lights of persons not anonymized, keep one snapshot a day and show the trend with today live", async () => {
    const [a, b, c, erased] = await Promise.all(
      ["A", "B", "C", "D"].map((lastName) => createPerson(t.db, { firstName: "X", lastName })),
    );
    await setLight(a as string, "green");
    await setLight(b as string, "green");
    await setLight(c as string, "yellow");
    await t.db
      .updateTable("person")
      .set({ erasedLevel: 3 })
      .where("id", "=", erased as string)
      .execute();
    expect(await lightDistribution(t.db)).toEqual({ green: 2, yellow: 1, red: 0 });

    // 30 November 23:59 in Berlin (22:59 UTC) is still the day of the first snapshot: kept as it was.
    expect(await recordLightSnapshot(t.db, new Date("2026-11-30T10:00:00Z"))).toBe(true);
    await setLight(c as string, "red");
    expect(await recordLightSnapshot(t.db, new Date("2026-11-30T22:59:00Z"))).toBe(false);
    // Two runners at once on the next day: one snapshot.
    const next = new Date("2026-11-30T23:01:00Z");
    const taken = await Promise.all([recordLightSnapshot(t.db, next), recordLightSnapshot(t.db, next)]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    const days = await t.db.selectFrom("trafficLightSnapshot").selectAll().orderBy("day").execute();
    expect(days.map((d) => [d.day, d.green, d.yellow, d.red])).toEqual([
      ["2026-11-30", 2, 1, 0],
      ["2026-12-01", 2, 0, 1],
    ]);

    await setLight(a as string, "red");
    const trend = await lightTrend(t.db, { now: new Date("2026-12-02T09:00:00Z"), days: 30 });
    expect(trend).toEqual([
      { day: "2026-11-30", green: 2, yellow: 1, red: 0 },
      { day: "2026-12-01", green: 2, yellow: 0, red: 1 },
      { day: "2026-12-02", green: 1, yellow: 0, red: 2 },
    ]);
    // Only as many days as asked, the newest.
    expect(
      (await lightTrend(t.db, { now: new Date("2026-12-02T09:00:00Z"), days: 2 })).map((d) => d.day),
    ).toEqual(["2026-12-01", "2026-12-02"]);
  });

  it("count the persons retention has due and those under review", async () => {
    const due = await createPerson(t.db, { firstName: "Due", lastName: "Person" });
    await t.db.updateTable("person").set({ retainUntil: "2026-01-01" }).where("id", "=", due).execute();
    const review = await createPerson(t.db, { firstName: "Review", lastName: "Person" });
    await t.db
      .updateTable("person")
      .set({ retentionReviewAt: new Date("2026-11-01T00:00:00Z") })
      .where("id", "=", review)
      .execute();
    const counts = await retentionDueCounts(t.db, new Date("2026-12-02T09:00:00Z"));
    expect(counts.underReview).toBe(1);
    expect(counts.dueNow).toBe(1);
  });
});
