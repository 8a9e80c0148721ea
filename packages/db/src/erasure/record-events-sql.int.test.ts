import {
  erasureLevels,
  erasureRecordEvent,
  type LegalBasis,
  legalBases,
  nextRecord,
  type RecordState,
  recordStates,
} from "@purposeful/domain";
import { type RawBuilder, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import {
  endTransitionSql,
  erasureEventSql,
  erasureStateSql,
  objectTransitionSql,
  withdrawTransitionSql,
} from "./record-events-sql.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const pairs = legalBases.flatMap((basis) => recordStates.map((state) => ({ basis, state })));
const domainNext = (basis: LegalBasis, state: RecordState, event: "withdraw" | "object" | "end") => {
  try {
    return nextRecord({ state, legalBasis: basis }, event, basis).state;
  } catch {
    return null;
  }
};

describe("the erasure's record transitions equal nextRecord(record, event, basis)", () => {
  const cases: Array<["withdraw" | "object" | "end", RawBuilder<RecordState | null>]> = [
    ["withdraw", withdrawTransitionSql],
    ["object", objectTransitionSql],
    ["end", endTransitionSql],
  ];
  for (const [event, transition] of cases) {
    it(`${event}, for every basis × state`, async () => {
      const { rows } = await sql<{ basis: LegalBasis; state: RecordState; next: RecordState | null }>`
        SELECT r.legal_basis AS basis, r.state, ${transition} AS next
        FROM unnest(${sql.val(pairs.map((p) => p.basis))}::text[], ${sql.val(pairs.map((p) => p.state))}::text[])
          AS r(legal_basis, state)`.execute(t.db);
      expect(rows).toHaveLength(pairs.length);
      const expected = rows.map((row) => ({ ...row, next: domainNext(row.basis, row.state, event) }));
      expect(rows).toEqual(expected);
      // the proof covers both outcomes
      expect(rows.some((row) => row.next !== null)).toBe(true);
    });
  }
});

describe("erasureEventSql and erasureStateSql equal erasureRecordEvent and nextRecord", () => {
  it("for every level × basis × state × direct marketing", async () => {
    const facts = pairs.flatMap((p) => [false, true].map((directMarketing) => ({ ...p, directMarketing })));
    for (const level of erasureLevels) {
      const { rows } = await sql<{
        basis: LegalBasis;
        state: RecordState;
        directMarketing: boolean;
        ev: string | null;
        next: RecordState;
      }>`
        SELECT r.legal_basis AS basis, r.state, p.direct_marketing, ev, ${erasureStateSql(sql`ev`)} AS next
        FROM unnest(${sql.val(facts.map((f) => f.basis))}::text[], ${sql.val(facts.map((f) => f.state))}::text[],
            ${sql.val(facts.map((f) => f.directMarketing))}::boolean[]) AS r(legal_basis, state, direct_marketing)
          CROSS JOIN LATERAL (SELECT r.direct_marketing) AS p(direct_marketing)
          CROSS JOIN LATERAL (SELECT ${erasureEventSql(level)} AS ev) AS e`.execute(t.db);
      expect(rows).toHaveLength(facts.length);
      const expected = rows.map((row) => {
        const ev = erasureRecordEvent(
          { legalBasis: row.basis, state: row.state, directMarketing: row.directMarketing },
          level,
        );
        return { ...row, ev, next: ev ? domainNext(row.basis, row.state, ev) : row.state };
      });
      expect(rows).toEqual(expected);
      expect(new Set(rows.map((row) => row.ev)).size).toBe(level >= 3 ? 4 : 3);
    }
  });
});
