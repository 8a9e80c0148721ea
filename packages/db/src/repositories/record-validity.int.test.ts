import {
  assessRecord,
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

describe("validRecordSql", () => {
  it("agrees with the domain's assessRecord on every combination of facts", async () => {
    const purposes: Array<{ id: string; doubleOptIn: boolean; active: boolean; minValidVersion: number }> =
      [];
    for (const doubleOptIn of [false, true])
      for (const active of [true, false])
        for (const minValidVersion of [1, 2]) {
          const id = await createPurpose(t.db, { key: `p_${purposes.length}`, doubleOptIn, active });
          await t.db
            .updateTable("purpose")
            .set({ minValidVersion, currentVersion: 2 })
            .where("id", "=", id)
            .execute();
          purposes.push({ id, doubleOptIn, active, minValidVersion });
        }
    const rows = [];
    for (const purpose of purposes)
      for (const legalBasis of bases)
        for (const state of recordStates)
          for (const validUntil of validUntils)
            for (const purposeVersion of versions) {
              rows.push({ purpose, legalBasis, state: state as RecordState, validUntil, purposeVersion });
            }
    // One person per record: (person, purpose) is unique.
    const personIds = await t.db
      .insertInto("person")
      .values(rows.map((_, i) => ({ firstName: "V", lastName: `Row ${i}` })))
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
          source: "manual" as const,
          validUntil: row.validUntil,
          purposeVersion: row.purposeVersion,
        })),
      )
      .returning("id")
      .execute();
    const fromSql = await t.db
      .selectFrom("processingRecord as r")
      .innerJoin("purpose as p", "p.id", "r.purposeId")
      .select(["r.id", sql<boolean>`${validRecordSql(now)}`.as("valid")])
      .execute();
    const validById = new Map(fromSql.map((row) => [row.id, row.valid]));

    expect(rows.length).toBeGreaterThan(1000);
    rows.forEach((row, i) => {
      const expected = assessRecord(
        {
          legalBasis: row.legalBasis,
          state: row.state,
          doubleOptIn: row.purpose.doubleOptIn,
          validUntil: row.validUntil,
          purposeVersion: row.purposeVersion,
          purposeMinValidVersion: row.purpose.minValidVersion,
          purposeActive: row.purpose.active,
        },
        now,
      ).valid;
      expect({ row: i, valid: validById.get(inserted[i]!.id) }).toEqual({ row: i, valid: expected });
    });
  });

  it("stores the same light as the domain's trafficLight computes", async () => {
    const newsletter = await createPurpose(t.db, { key: "light_newsletter", doubleOptIn: true });
    const contract = await createPurpose(t.db, { key: "light_contract", defaultLegalBasis: "contract" });
    const retired = await createPurpose(t.db, { key: "light_retired", active: false });
    const cases: Array<Array<{ purposeId: string; legalBasis: LegalBasis; state: RecordState }>> = [
      [],
      [{ purposeId: newsletter, legalBasis: "consent", state: "confirmed" }],
      [{ purposeId: newsletter, legalBasis: "consent", state: "granted" }],
      [
        { purposeId: newsletter, legalBasis: "consent", state: "confirmed" },
        { purposeId: contract, legalBasis: "contract", state: "ended" },
      ],
      [
        { purposeId: contract, legalBasis: "contract", state: "active" },
        { purposeId: retired, legalBasis: "consent", state: "granted" },
      ],
      [{ purposeId: retired, legalBasis: "consent", state: "granted" }],
    ];
    for (const records of cases) {
      const personId = await createPerson(t.db);
      for (const record of records) {
        await t.db
          .insertInto("processingRecord")
          .values({ personId, ...record, source: "manual", purposeVersion: 1 })
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
        purposeActive: record.purposeId !== retired,
      }));
      expect(stored.trafficLight).toBe(trafficLight(facts, now).light);
    }
  });
});
