import {
  type Channel,
  type ConsentRequestFacts,
  consentRequestRoute,
  legalBases,
  nextRecord,
  recordStates,
} from "@purposeful/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { consentRequestRouteSql } from "./consent-request-sql.ts";
import { requestTransitionSql } from "./request-records.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const flags = [
  "erased",
  "restricted",
  "admissible",
  "alreadyAsked",
  "otherBasisActive",
  "refused",
  "hasEmail",
  "emailAdvertisingAllowed",
  "hasPostalAddress",
] as const;
const channelBits: Array<{ field: "objectedChannels" | "mailBlocks"; channel: Channel }> = [
  { field: "objectedChannels", channel: "email" },
  { field: "objectedChannels", channel: "post" },
  { field: "mailBlocks", channel: "email" },
  { field: "mailBlocks", channel: "post" },
];
const bits = flags.length + channelBits.length;

/** The facts numbered by `n`: one bit per flag, then one per channel objected to or blocked. */
function factsOf(n: number): ConsentRequestFacts {
  const facts = { mailBlocks: [] as Channel[], objectedChannels: [] as Channel[] } as ConsentRequestFacts & {
    mailBlocks: Channel[];
    objectedChannels: Channel[];
  };
  flags.forEach((flag, bit) => {
    facts[flag] = (n & (1 << bit)) !== 0;
  });
  channelBits.forEach(({ field, channel }, index) => {
    if ((n & (1 << (flags.length + index))) !== 0) facts[field].push(channel);
  });
  return facts;
}

describe("consentRequestRouteSql equals consentRequestRoute", () => {
  for (const includeRefusals of [false, true]) {
    it(`over all ${2 ** bits} combinations of the facts (refusals ${includeRefusals ? "included" : "excluded"})`, async () => {
      const flagColumns = flags.map(
        (flag, bit) =>
          sql`(n & ${1 << bit}) <> 0 AS ${sql.ref(flag.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))}`,
      );
      const arrayOf = (field: "objectedChannels" | "mailBlocks") =>
        sql`array_remove(ARRAY[${sql.join(
          channelBits.map(({ field: f, channel }, index) =>
            f === field
              ? sql`CASE WHEN (n & ${1 << (flags.length + index)}) <> 0 THEN ${channel} END`
              : sql`NULL`,
          ),
        )}]::text[], NULL)`;
      const { rows } = await sql<{ n: number; verdict: string }>`
        SELECT f.n, ${consentRequestRouteSql(includeRefusals)} AS verdict
        FROM (SELECT n, ${sql.join(flagColumns)}, ${arrayOf("objectedChannels")} AS objected_channels,
          ${arrayOf("mailBlocks")} AS mail_blocks
          FROM generate_series(0, ${2 ** bits - 1}) AS n) f
        ORDER BY f.n`.execute(t.db);
      expect(rows).toHaveLength(2 ** bits);
      const mismatches = rows.filter((row) => {
        const domain = consentRequestRoute(factsOf(row.n), { includeRefusals });
        return (domain.route ?? domain.reason) !== row.verdict;
      });
      expect(mismatches.slice(0, 5)).toEqual([]);
      // every outcome of the rule occurs, so the proof covers each branch
      expect(new Set(rows.map((row) => row.verdict)).size).toBe(includeRefusals ? 8 : 9);
    });
  }
});

describe("requestTransitionSql equals nextRecord(…, 'request', 'consent')", () => {
  it("for every basis × state", async () => {
    const pairs = legalBases.flatMap((basis) => recordStates.map((state) => ({ basis, state })));
    const { rows } = await sql<{ basis: string; state: string; next: string | null }>`
      SELECT r.legal_basis AS basis, r.state, ${requestTransitionSql} AS next
      FROM unnest(${sql.val(pairs.map((p) => p.basis))}::text[], ${sql.val(pairs.map((p) => p.state))}::text[])
        AS r(legal_basis, state)`.execute(t.db);
    expect(rows).toHaveLength(pairs.length);
    for (const row of rows) {
      let expected: string | null;
      try {
        expected = nextRecord(
          {
            state: row.state as (typeof recordStates)[number],
            legalBasis: row.basis as (typeof legalBases)[number],
          },
          "request",
          "consent",
        ).state;
      } catch {
        expected = null;
      }
      expect({ ...row, next: row.next }).toEqual({ ...row, next: expected });
    }
  });
});
