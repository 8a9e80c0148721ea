import {
  computeRetainUntil,
  type LegalBasis,
  type RecordState,
  type RetentionRecordFacts,
  recordStates,
} from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "../bench/load.ts";
import { createPersonRecord } from "../repositories/persons-write.ts";
import { getCompanySettings, updateCompanySettings } from "../repositories/settings.ts";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";
import { createPurpose, insertInChunks } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";

/**
 * The retain-until `refreshTrafficLights` stores equals the domain's `computeRetainUntil` for every
 * state, basis, double-opt-in flag and purpose period, at instants around year and month ends,
 * 29 February and both DST changes in the controller's time zone; for persons with several
 * records (some open-ended) and without any (the company's grace days).
 */
const now = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const instants = [
  "2023-12-31T22:59:59.999Z", // Berlin 31 Dec 23:59:59
  "2023-12-31T23:00:00Z", // Berlin 1 Jan 00:00
  "2024-02-28T23:00:00Z", // Berlin 29 Feb 00:00
  "2024-02-29T22:59:59Z", // Berlin 29 Feb 23:59:59
  "2023-01-31T12:00:00Z", // 31 Jan (+ P1M: 28 Feb)
  "2024-03-31T21:59:59Z", // Berlin 31 Mar 23:59:59 (summer time)
  "2025-03-29T23:00:00Z", // Berlin 30 Mar 00:00, the day summer time starts
  "2025-03-30T00:59:59Z", // Berlin 01:59:59 CET
  "2025-03-30T01:00:00Z", // Berlin 03:00 CEST
  "2025-10-25T22:00:00Z", // Berlin 26 Oct 00:00 CEST, the day summer time ends
  "2025-10-26T00:30:00Z", // Berlin 02:30 CEST, the hour that repeats
  "2025-10-26T22:59:59Z", // Berlin 26 Oct 23:59:59 CET
  "2025-10-26T23:00:00Z", // Berlin 27 Oct 00:00
  "2025-08-31T22:30:00Z", // Berlin 1 Sep 00:30, still 31 Aug in UTC
].map((iso) => new Date(iso));
const periods = ["P2Y", "P1M", "P1Y6M", "P30D", "PT36H", "P3Y", "P2W", "P1DT23H"];
const bases: LegalBasis[] = ["consent", "contract", "legitimate_interests"];
/** Which timestamps a record carries: all of them, none but updated_at, or only its validity end. */
const variants = ["all", "none", "validOnly"] as const;

type RecordRow = Omit<RetentionRecordFacts, "retentionPeriod"> & { purposeId: string };

function recordRow(
  purposeId: string,
  legalBasis: LegalBasis,
  state: RecordState,
  doubleOptInRequired: boolean,
  at: Date,
  variant: (typeof variants)[number],
): RecordRow {
  const all = variant === "all" ? at : null;
  return {
    purposeId,
    legalBasis,
    state,
    doubleOptInRequired,
    requestedAt: all,
    grantedAt: all,
    withdrawnAt: all,
    declinedAt: all,
    endedAt: all,
    objectedAt: all,
    validUntil: variant === "none" ? null : at,
    updatedAt:
      variant === "all"
        ? new Date(at.getTime() + 7 * DAY)
        : variant === "none"
          ? at
          : new Date(at.getTime() - 3 * DAY),
  };
}

let purposes: { id: string; period: string }[] = [];
const periodOf = (purposeId: string) => purposes.find((p) => p.id === purposeId)!.period;

/** Inserts one person per entry with the given records, refreshes them, compares with the domain. */
async function expectStoredEqualsDomain(persons: { createdAt: Date; records: RecordRow[] }[]) {
  const ids = persons.map(() => crypto.randomUUID());
  await insertInChunks(
    t.db,
    "person",
    persons.map((person, i) => ({
      id: ids[i],
      firstName: "R",
      lastName: `Retain ${i}`,
      createdAt: person.createdAt,
    })),
  );
  await insertInChunks(
    t.db,
    "processingRecord",
    persons.flatMap((person, i) =>
      person.records.map(({ purposeId, ...record }) => ({
        ...record,
        personId: ids[i]!,
        purposeId,
        source: "manual" as const,
        purposeVersion: 1,
      })),
    ),
  );
  for (let i = 0; i < ids.length; i += 2000) await refreshTrafficLights(t.db, ids.slice(i, i + 2000), now);
  return compare(ids, persons);
}

async function compare(ids: string[], persons: { createdAt: Date; records: RecordRow[] }[]) {
  const graceDays = (await t.db
    .selectFrom("setting")
    .select("value")
    .where("key", "=", "company")
    .executeTakeFirst()
    .then((row) => (row?.value as { retentionGraceDays?: number } | undefined)?.retentionGraceDays)) as
    | number
    | undefined;
  const stored = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await t.db
      .selectFrom("person")
      .select(["id", "retainUntil"])
      .where("id", "in", ids.slice(i, i + 5000))
      .execute();
    for (const row of rows) stored.set(row.id, row.retainUntil);
  }
  let mismatches = 0;
  persons.forEach((person, i) => {
    const expected = computeRetainUntil(
      {
        createdAt: person.createdAt,
        records: person.records.map((r) => ({ ...r, retentionPeriod: periodOf(r.purposeId) })),
      },
      { graceDays },
    );
    const actual = stored.get(ids[i]!);
    if (actual !== expected && mismatches++ < 5)
      expect({ person, retainUntil: actual }).toEqual({ person, retainUntil: expected });
  });
  expect(mismatches).toBe(0);
}

describe("retain-until in refreshTrafficLights", () => {
  beforeAll(async () => {
    purposes = [];
    for (const [i, period] of periods.entries())
      purposes.push({
        id: await createPurpose(t.db, { key: `retain_${i}`, retentionPeriod: period }),
        period,
      });
  });

  it("equals computeRetainUntil for every state, basis, double opt-in, period and instant of one record", async () => {
    const persons: { createdAt: Date; records: RecordRow[] }[] = [];
    for (const { id } of purposes)
      for (const state of recordStates)
        for (const legalBasis of bases)
          for (const doubleOptIn of [false, true])
            for (const at of instants)
              for (const variant of variants)
                persons.push({
                  createdAt: new Date("2020-01-01T00:00:00Z"),
                  records: [recordRow(id, legalBasis, state, doubleOptIn, at, variant)],
                });
    expect(persons.length).toBeGreaterThan(15_000);
    await expectStoredEqualsDomain(persons);
  });

  it("takes the latest end over several records and stays NULL while one runs open-ended", async () => {
    const random = createRandom(20260229);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const persons: { createdAt: Date; records: RecordRow[] }[] = [];
    for (let n = 0; n < 600; n++) {
      const held = purposes.filter(() => random() < 0.5);
      if (held.length === 0) held.push(pick(purposes));
      persons.push({
        createdAt: pick(instants),
        records: held.map(({ id }) =>
          recordRow(id, pick(bases), pick(recordStates), random() < 0.5, pick(instants), pick(variants)),
        ),
      });
    }
    const open = persons.filter((p) => p.records.some((r) => r.state === "active" && r.validUntil === null));
    expect(open.length).toBeGreaterThan(10);
    expect(persons.filter((p) => p.records.length > 2).length).toBeGreaterThan(100);
    await expectStoredEqualsDomain(persons);
  });

  it("gives a person without records the creation day plus the company's grace days", async () => {
    const persons = instants.map((createdAt) => ({ createdAt, records: [] }));
    await expectStoredEqualsDomain(persons);
    const ids = (
      await t.db.selectFrom("person").select("id").where("lastName", "like", "Retain %").execute()
    ).map((row) => row.id);
    for (const retentionGraceDays of [0, 10, 365]) {
      const company = await t.db.transaction().execute(async (trx) => {
        const settings = { ...(await getCompanySettings(trx)), retentionGraceDays };
        await updateCompanySettings(trx, settings, { staffUserId: "admin", at: now });
        return settings;
      });
      expect(company.retentionGraceDays).toBe(retentionGraceDays);
      const recordless = await t.db
        .selectFrom("person")
        .leftJoin("processingRecord", "processingRecord.personId", "person.id")
        .select(["person.id", "person.createdAt"])
        .where("processingRecord.id", "is", null)
        .where("person.id", "in", ids)
        .execute();
      await refreshTrafficLights(
        t.db,
        recordless.map((row) => row.id),
        now,
      );
      await compare(
        recordless.map((row) => row.id),
        recordless.map((row) => ({ createdAt: row.createdAt, records: [] })),
      );
    }
  });

  it("is stored when a person is created, before any record", async () => {
    const at = new Date("2026-03-29T22:30:00Z");
    const id = await t.db
      .transaction()
      .execute((trx) =>
        createPersonRecord(
          trx,
          { firstName: "New", lastName: "Contact", preferredLanguage: "de" },
          { type: "staff", id: "s" },
          at,
          { secret: "test-suppression-secret-test-suppression", role: "staff" },
        ),
      );
    const person = await t.db
      .selectFrom("person")
      .select("retainUntil")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const { retentionGraceDays } = await getCompanySettings(t.db);
    expect(person.retainUntil).toBe(
      computeRetainUntil({ createdAt: at, records: [] }, { graceDays: retentionGraceDays }),
    );
  });
});
