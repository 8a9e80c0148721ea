import { getCompanySettings, updateCompanySettings } from "@purposeful/db";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../../../../testing/signed-in";

// The route reads its secret through env.ts, which parses process.env once when first imported.
const secret = vi.hoisted(() => {
  process.env.CRON_SECRET = "retention-route-test-secret";
  return process.env.CRON_SECRET;
});
const { GET, POST } = await import("./route");

let t: TestDatabase;
const due: string[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
  await t.db.transaction().execute(async (trx) =>
    updateCompanySettings(
      trx,
      {
        ...(await getCompanySettings(trx)),
        dpoEmail: "dpo@company.example",
        retentionAction: "erase_level_3",
      },
      { staffUserId: "admin", at: new Date() },
    ),
  );
  const purposeId = await createPurpose(t.db, { key: "route_news", retentionPeriod: "P1Y" });
  for (let i = 0; i < 3; i++) {
    const personId = await createPerson(t.db, { emails: [`route.${i}@example.org`] });
    await createRecord(t.db, {
      personId,
      purposeId,
      state: "withdrawn",
      at: new Date("2021-05-01T10:00:00Z"),
    });
    due.push(personId);
  }
});
afterAll(async () => t?.close());

const call = (handler: typeof GET, query = "", authorization: string | null = `Bearer ${secret}`) =>
  handler(
    new Request(`http://localhost:3000/api/cron/retention${query}`, {
      headers: authorization ? { Authorization: authorization } : {},
    }),
  );
const erasedLevels = async () =>
  (await t.db.selectFrom("person").select("erasedLevel").where("id", "in", due).execute()).map(
    (row) => row.erasedLevel,
  );

describe("#9 /api/cron/retention", () => {
  it("#9 answers only the scheduler's bearer secret", async () => {
    expect((await call(GET, "", null)).status).toBe(401);
    expect((await call(POST, "", "Bearer wrong")).status).toBe(401);
    expect(await erasedLevels()).toEqual([0, 0, 0]);
  });

  it("#9 ?dryRun=1 reports what would happen and changes nothing", async () => {
    const response = await call(GET, "?dryRun=1");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      dryRun: true,
      action: "erase_level_3",
      due: 3,
      erased: 3,
      finished: true,
    });
    expect(await erasedLevels()).toEqual([0, 0, 0]);
    expect(await t.db.selectFrom("outboxMessage").select("id").execute()).toEqual([]);
  });

  it("#9 erases the due persons once, also when called twice at once; a later call finds nobody left", async () => {
    const responses = await Promise.all([call(POST), call(GET)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    // Each answer reports a finished run: one of them waited for the other's.
    for (const response of responses) expect(await response.json()).toMatchObject({ finished: true });
    expect(await erasedLevels()).toEqual([3, 3, 3]);
    const again = await (await call(POST)).json();
    expect(again).toMatchObject({ reused: false, due: 0, erased: 0, finished: true });
    const erasures = await t.db.selectFrom("erasure").select(["personId", "actorType"]).execute();
    expect(erasures).toHaveLength(3);
    expect(new Set(erasures.map((e) => e.personId)).size).toBe(3);
    expect(await t.db.selectFrom("outboxMessage").select("template").execute()).toEqual([
      { template: "retention-summary" },
    ]);
  });
});
