import {
  allChannels,
  assessRecord,
  type Channel,
  type LegalBasis,
  type RecordState,
  recordStates,
  trafficLight,
} from "@purposeful/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createPurpose } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { validRecordSql } from "./record-validity.ts";
import { refreshTrafficLights } from "./traffic-lights.ts";

const now = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const bases: LegalBasis[] = ["consent", "contract", "legitimate_interests"];
const validUntils = [null, new Date(now.getTime() - 1), now, new Date(now.getTime() + 1)];
const versions = [null, 1, 2];

interface PurposeFacts {
  id: string;
  active: boolean;
  minValidVersion: number;
  directMarketing: boolean;
  channels: Channel[];
}
interface Row {
  purpose: PurposeFacts;
  legalBasis: LegalBasis;
  state: RecordState;
  validUntil: Date | null;
  purposeVersion: number | null;
  doubleOptInRequired: boolean;
  objected: Channel[];
}

/** Inserts one person per row ((person, purpose) is unique) and compares SQL with the domain. */
async function expectSqlEqualsDomain(rows: Row[]) {
  const personIds = await t.db
    .insertInto("person")
    .values(
      rows.map((row, i) => ({ firstName: "V", lastName: `Row ${i}`, dmObjectionChannels: row.objected })),
    )
    .returning("id")
    .execute();
  const inserted = await t.db
    .insertInto("processingRecord")
    .values(
      rows.map((row, i) => ({
        personId: personIds[i]!.id,
        purposeId: row.purpose.id,
        legalBasis: row.legalBasis,
        state: row.state,
        source: "phone" as const,
        validUntil: row.validUntil,
        purposeVersion: row.purposeVersion,
        doubleOptInRequired: row.doubleOptInRequired,
      })),
    )
    .returning("id")
    .execute();
  const fromSql = await t.db
    .selectFrom("processingRecord as r")
    .innerJoin("purpose as p", "p.id", "r.purposeId")
    .innerJoin("person as pe", "pe.id", "r.personId")
    .select(["r.id", sql<boolean>`${validRecordSql(now)}`.as("valid")])
    .where(
      "r.id",
      "in",
      inserted.map((row) => row.id),
    )
    .execute();
  const validById = new Map(fromSql.map((row) => [row.id, row.valid]));
  rows.forEach((row, i) => {
    const expected = assessRecord(
      {
        legalBasis: row.legalBasis,
        state: row.state,
        doubleOptIn: row.doubleOptInRequired,
        validUntil: row.validUntil,
        purposeVersion: row.purposeVersion,
        purposeMinValidVersion: row.purpose.minValidVersion,
        purposeActive: row.purpose.active,
        directMarketing: row.purpose.directMarketing,
        purposeChannels: row.purpose.channels,
        objectedChannels: row.objected,
      },
      now,
    ).valid;
    expect({ row: i, valid: validById.get(inserted[i]!.id) }).toEqual({ row: i, valid: expected });
  });
}

async function purpose(facts: Omit<PurposeFacts, "id">, doubleOptIn = false): Promise<PurposeFacts> {
  const key = `p_${Math.random().toString(36).slice(2, 10)}`;
  const id = await createPurpose(t.db, {
    key,
    doubleOptIn,
    active: facts.active,
    directMarketing: facts.directMarketing,
    channels: facts.channels,
  });
  await t.db
    .updateTable("purpose")
    .set({ minValidVersion: facts.minValidVersion, currentVersion: 2 })
    .where("id", "=", id)
    .execute();
  return { id, ...facts };
}

describe("validRecordSql", () => {
  it("agrees with the domain's assessRecord on every combination of facts", async () => {
    const rows: Row[] = [];
    // The purpose's double-opt-in flag today must not matter (#1): only the record's flag from the grant.
    for (const purposeDoubleOptIn of [false, true])
      for (const active of [true, false])
        for (const minValidVersion of [1, 2]) {
          const p = await purpose(
            { active, minValidVersion, directMarketing: false, channels: ["email"] },
            purposeDoubleOptIn,
          );
          for (const doubleOptInRequired of [false, true])
            for (const legalBasis of bases)
              for (const state of recordStates)
                for (const validUntil of validUntils)
                  for (const purposeVersion of versions)
                    rows.push({
                      purpose: p,
                      legalBasis,
                      state,
                      validUntil,
                      purposeVersion,
                      doubleOptInRequired,
                      objected: [],
                    });
        }
    expect(rows.length).toBeGreaterThan(5000);
    await expectSqlEqualsDomain(rows);
  });

  it("agrees with the domain on the objection to direct marketing (#3) for every basis, state and channel set", async () => {
    const channelSets: Channel[][] = [[], ["email"], ["email", "post"]];
    const objections: Channel[][] = [[], ["email"], ["email", "post"], [...allChannels]];
    const rows: Row[] = [];
    for (const directMarketing of [false, true])
      for (const active of [true, false])
        for (const channels of channelSets) {
          const p = await purpose({ active, minValidVersion: 1, directMarketing, channels });
          for (const objected of objections)
            for (const legalBasis of bases)
              for (const state of recordStates)
                rows.push({
                  purpose: p,
                  legalBasis,
                  state,
                  validUntil: null,
                  purposeVersion: 1,
                  doubleOptInRequired: false,
                  objected,
                });
        }
    expect(rows.length).toBeGreaterThan(1000);
    await expectSqlEqualsDomain(rows);
  });

  it("stores the same light as the domain's trafficLight computes, retired purposes included (#8)", async () => {
    const newsletter = await createPurpose(t.db, {
      key: "light_newsletter",
      doubleOptIn: true,
      directMarketing: true,
    });
    const contract = await createPurpose(t.db, { key: "light_contract", defaultLegalBasis: "contract" });
    const retired = await createPurpose(t.db, { key: "light_retired", active: false });
    const retiredContract = await createPurpose(t.db, {
      key: "light_retired_contract",
      defaultLegalBasis: "contract",
      active: false,
    });
    type Case = {
      objected?: Channel[];
      records: Array<{ purposeId: string; legalBasis: LegalBasis; state: RecordState }>;
    };
    const cases: Case[] = [
      { records: [] },
      { records: [{ purposeId: newsletter, legalBasis: "consent", state: "confirmed" }] },
      { records: [{ purposeId: newsletter, legalBasis: "consent", state: "granted" }] },
      {
        records: [
          { purposeId: newsletter, legalBasis: "consent", state: "confirmed" },
          { purposeId: contract, legalBasis: "contract", state: "ended" },
        ],
      },
      {
        records: [
          { purposeId: contract, legalBasis: "contract", state: "active" },
          { purposeId: retired, legalBasis: "consent", state: "granted" },
        ],
      },
      { records: [{ purposeId: retired, legalBasis: "consent", state: "granted" }] },
      // #8: a retired purpose whose record was withdrawn or ended does not colour the light.
      {
        records: [
          { purposeId: newsletter, legalBasis: "consent", state: "confirmed" },
          { purposeId: retired, legalBasis: "consent", state: "withdrawn" },
        ],
      },
      {
        records: [
          { purposeId: contract, legalBasis: "contract", state: "active" },
          { purposeId: retiredContract, legalBasis: "contract", state: "ended" },
        ],
      },
      { records: [{ purposeId: retired, legalBasis: "consent", state: "withdrawn" }] },
      // #3: the objection closes the newsletter, not the contract.
      {
        objected: ["email"],
        records: [
          { purposeId: newsletter, legalBasis: "consent", state: "confirmed" },
          { purposeId: contract, legalBasis: "contract", state: "active" },
        ],
      },
    ];
    for (const { records, objected = [] } of cases) {
      const personId = await createPerson(t.db);
      await t.db
        .updateTable("person")
        .set({ dmObjectionChannels: objected })
        .where("id", "=", personId)
        .execute();
      for (const record of records) {
        await t.db
          .insertInto("processingRecord")
          .values({
            personId,
            ...record,
            source: "phone",
            purposeVersion: 1,
            doubleOptInRequired: record.purposeId === newsletter,
          })
          .execute();
      }
      await refreshTrafficLights(t.db, [personId], now);
      const stored = await t.db
        .selectFrom("person")
        .select("trafficLight")
        .where("id", "=", personId)
        .executeTakeFirstOrThrow();
      const facts = records.map((record) => ({
        ...record,
        doubleOptIn: record.purposeId === newsletter,
        validUntil: null,
        purposeVersion: 1,
        purposeMinValidVersion: 1,
        purposeActive: record.purposeId !== retired && record.purposeId !== retiredContract,
        directMarketing: record.purposeId === newsletter,
        purposeChannels: ["email" as const],
        objectedChannels: objected,
      }));
      expect({ records, light: stored.trafficLight }).toEqual({
        records,
        light: trafficLight(facts, now).light,
      });
    }
  });
});
