import {
  assessRecord,
  type Channel,
  type ErasureLevel,
  erasureLevels,
  isRetentionDue,
  type LegalBasis,
  type RecordState,
} from "@purposeful/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPurpose, insertInChunks } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { countSweepable, sweepableBatch } from "./due-persons.ts";
import { retentionDueSql } from "./retention-sql.ts";

/**
 * `retentionDueSql` equals the domain's `isRetentionDue` over every combination of erasure level,
 * restriction, basis (none, valid, invalid, valid but objected to, mixed), computed and manual
 * retain-until (none, yesterday, today, tomorrow) and target level; the basis judged by
 * `validRecordSql`, as `assessRecord` judges it.
 */
const now = new Date("2026-11-29T12:00:00Z");
const today = "2026-11-29";
const dates = [null, "2026-11-28", today, "2026-11-30"] as const;
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

interface RecordSpec {
  purpose: "newsletter" | "contract";
  legalBasis: LegalBasis;
  state: RecordState;
}
const basisVariants: Record<string, { objected: Channel[]; records: RecordSpec[] }> = {
  none: { objected: [], records: [] },
  valid: { objected: [], records: [{ purpose: "contract", legalBasis: "contract", state: "active" }] },
  invalid: { objected: [], records: [{ purpose: "newsletter", legalBasis: "consent", state: "withdrawn" }] },
  objected: {
    objected: ["email"],
    records: [{ purpose: "newsletter", legalBasis: "consent", state: "confirmed" }],
  },
  mixed: {
    objected: [],
    records: [
      { purpose: "newsletter", legalBasis: "consent", state: "declined" },
      { purpose: "contract", legalBasis: "contract", state: "active" },
    ],
  },
};

interface Case {
  id: string;
  erasedLevel: 0 | ErasureLevel;
  restricted: boolean;
  basis: keyof typeof basisVariants;
  retainUntil: string | null;
  manualRetainUntil: string | null;
}

const cases: Case[] = [];

describe("retentionDueSql", () => {
  beforeAll(async () => {
    const purposeIds = {
      newsletter: await createPurpose(t.db, { key: "due_newsletter", directMarketing: true }),
      contract: await createPurpose(t.db, { key: "due_contract", defaultLegalBasis: "contract" }),
    };
    for (const erasedLevel of [0, 1, 2, 3] as const)
      for (const restricted of [false, true])
        for (const basis of Object.keys(basisVariants))
          for (const retainUntil of dates)
            for (const manualRetainUntil of dates)
              cases.push({
                id: crypto.randomUUID(),
                erasedLevel,
                restricted,
                basis,
                retainUntil,
                manualRetainUntil,
              });
    await insertInChunks(
      t.db,
      "person",
      cases.map((c) => ({
        id: c.id,
        firstName: "D",
        lastName: "Due",
        erasedLevel: c.erasedLevel,
        restricted: c.restricted,
        retainUntil: c.retainUntil,
        retentionManualUntil: c.manualRetainUntil,
        retentionManualReason: c.manualRetainUntil ? "set by hand" : null,
        dmObjectionChannels: basisVariants[c.basis]!.objected,
      })),
    );
    await insertInChunks(
      t.db,
      "processingRecord",
      cases.flatMap((c) =>
        basisVariants[c.basis]!.records.map((r) => ({
          personId: c.id,
          purposeId: purposeIds[r.purpose],
          legalBasis: r.legalBasis,
          state: r.state,
          source: "manual" as const,
          purposeVersion: 1,
        })),
      ),
    );
  });

  function domainDue(c: Case, level: ErasureLevel): boolean {
    const { objected, records } = basisVariants[c.basis]!;
    const hasValidBasis = records.some(
      (r) =>
        assessRecord(
          {
            legalBasis: r.legalBasis,
            state: r.state,
            doubleOptIn: false,
            validUntil: null,
            purposeVersion: 1,
            purposeMinValidVersion: 1,
            purposeActive: true,
            directMarketing: r.purpose === "newsletter",
            purposeChannels: ["email"],
            objectedChannels: objected,
          },
          now,
        ).valid,
    );
    return isRetentionDue({ ...c, hasValidBasis }, today, level);
  }

  it("agrees with isRetentionDue on every combination, for every target level", async () => {
    expect(cases.length).toBe(640);
    for (const level of erasureLevels) {
      const rows = await t.db
        .selectFrom("person as pe")
        .select(["pe.id", sql<boolean>`${retentionDueSql({ today, now, level })}`.as("due")])
        .where("pe.lastName", "=", "Due")
        .execute();
      const due = new Map(rows.map((row) => [row.id, row.due]));
      for (const c of cases)
        expect({ ...c, level, due: due.get(c.id) }).toEqual({ ...c, level, due: domainDue(c, level) });
    }
  });

  it("the sweep walks exactly the due persons not under review, in batches, through person_retention_due_idx", async () => {
    const underReview = cases.filter((c) => domainDue(c, 3)).slice(0, 3);
    await t.db
      .updateTable("person")
      .set({ retentionReviewAt: now })
      .where(
        "id",
        "in",
        underReview.map((c) => c.id),
      )
      .execute();
    for (const level of erasureLevels) {
      const expected = cases
        .filter((c) => domainDue(c, level) && !underReview.includes(c))
        .map((c) => c.id)
        .sort();
      expect(await countSweepable(t.db, { today, now, level })).toBe(expected.length);
      const walked: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const batch = await sweepableBatch(t.db, { today, now, level, cursor, limit: 7 });
        walked.push(...batch.ids);
        cursor = batch.cursor;
        if (batch.ids.length < 7) break;
      }
      expect(walked.sort()).toEqual(expected);
    }
    // The index's predicate is implied by the query's: PostgreSQL can range-scan it.
    const plan = await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
      const { rows } = await sql<{ "QUERY PLAN": string }>`EXPLAIN SELECT pe.id FROM person pe
        WHERE ${retentionDueSql({ today, now, level: 3 })}
        ORDER BY coalesce(pe.retention_manual_until, pe.retain_until), pe.id LIMIT 10`.execute(trx);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("person_retention_due_idx");
  });
});
