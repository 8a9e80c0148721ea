import {
  allChannels,
  assessAdmissibility,
  type Channel,
  type LegalBasis,
  type PartyType,
  type RecordSource,
  type RecordState,
} from "@purposeful/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPurpose, sha256Hex } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { admissibilityFactsSql, admissibilityInputFromRow, admissibilitySql } from "./admissibility-sql.ts";

const now = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;
let salePurpose: string;
let documentId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const content = Buffer.from("signed by a parent");
  const document = await t.db
    .insertInto("document")
    .values({
      content,
      contentType: "text/plain",
      fileName: "parental.txt",
      kind: "evidence",
      sha256: sha256Hex(content),
      sizeBytes: content.length,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  documentId = document.id;
  salePurpose = await createPurpose(t.db, { key: "sale", defaultLegalBasis: "contract", channels: [] });
});
afterAll(async () => t?.close());

type Evidence = "none" | "note" | "parental_consent";
interface Case {
  purposeId: string;
  partyType?: PartyType;
  erased?: boolean;
  restricted?: boolean;
  objected?: Channel[];
  mailBlocks?: Channel[];
  birthday?: string | null;
  customerFromSale?: boolean;
  record: {
    legalBasis: LegalBasis;
    state: RecordState;
    source?: RecordSource;
    validUntil?: Date | null;
    purposeVersion?: number | null;
    doubleOptInRequired?: boolean;
    told?: boolean;
    evidence?: Evidence;
  } | null;
}
interface Inserted {
  personId: string;
  purposeId: string;
}

async function insertCases(cases: Case[]): Promise<Inserted[]> {
  const persons = await t.db
    .insertInto("person")
    .values(
      cases.map((c, i) => ({
        firstName: "A",
        lastName: `Case ${i}`,
        partyType: c.partyType ?? "consumer",
        erasedLevel: c.erased ? 1 : 0,
        restricted: c.restricted ?? false,
        dmObjectionChannels: c.objected ?? [],
        mailBlocks: c.mailBlocks ?? [],
        birthday: c.birthday ?? null,
      })),
    )
    .returning("id")
    .execute();
  const withRecord = cases.flatMap((c, i) =>
    c.record ? [{ c, record: c.record, personId: persons[i]!.id }] : [],
  );
  const records = withRecord.length
    ? await t.db
        .insertInto("processingRecord")
        .values(
          withRecord.map(({ c, record, personId }) => ({
            personId,
            purposeId: c.purposeId,
            legalBasis: record.legalBasis,
            state: record.state,
            source: record.source ?? "phone",
            validUntil: record.validUntil ?? null,
            purposeVersion: record.purposeVersion === undefined ? 1 : record.purposeVersion,
            doubleOptInRequired: record.doubleOptInRequired ?? false,
            toldRightToObject: record.told ?? false,
          })),
        )
        .returning("id")
        .execute()
    : [];
  const evidence = withRecord.flatMap(({ record }, i) =>
    record.evidence && record.evidence !== "none"
      ? [
          {
            processingRecordId: records[i]!.id,
            kind: record.evidence,
            parentalConsentHolder: record.evidence === "parental_consent" ? "Parent" : null,
            documentId: record.evidence === "parental_consent" ? documentId : null,
            description: "test",
          },
        ]
      : [],
  );
  if (evidence.length) await t.db.insertInto("consentEvidence").values(evidence).execute();
  const sales = cases.flatMap((c, i) => (c.customerFromSale ? [persons[i]!.id] : []));
  if (sales.length)
    await t.db
      .insertInto("processingRecord")
      .values(
        sales.map((personId) => ({
          personId,
          purposeId: salePurpose,
          legalBasis: "contract" as const,
          state: "ended" as const,
          source: "manual" as const,
        })),
      )
      .execute();
  return cases.map((c, i) => ({ personId: persons[i]!.id, purposeId: c.purposeId }));
}

/** Compares the SQL reason with the domain's on the same facts, for each channel, `now` and age. */
async function expectSqlEqualsDomain(
  inserted: Inserted[],
  {
    channels = allChannels,
    nows = [now],
    ages = [16],
  }: { channels?: readonly Channel[]; nows?: Date[]; ages?: number[] } = {},
) {
  let compared = 0;
  for (const at of nows)
    for (const age of ages)
      for (const channel of channels) {
        const result = await sql<{ facts: Parameters<typeof admissibilityInputFromRow>[0]; reason: string }>`
          SELECT ${admissibilityFactsSql()} AS facts, ${admissibilitySql(at, channel, age)} AS reason
          FROM unnest(${sql.val(inserted.map((c) => c.personId))}::uuid[],
                      ${sql.val(inserted.map((c) => c.purposeId))}::uuid[]) WITH ORDINALITY AS c(person_id, purpose_id, ord)
          JOIN person pe ON pe.id = c.person_id
          JOIN purpose p ON p.id = c.purpose_id
          LEFT JOIN processing_record r ON r.person_id = pe.id AND r.purpose_id = p.id
          ORDER BY c.ord`.execute(t.db);
        expect(result.rows.length).toBe(inserted.length);
        result.rows.forEach((row, i) => {
          const expected = assessAdmissibility(
            admissibilityInputFromRow(row.facts, channel, at, age),
            at,
          ).reason;
          if (row.reason !== expected)
            expect({ i, channel, at, age, facts: row.facts, reason: row.reason }).toEqual({
              i,
              channel,
              at,
              age,
              facts: row.facts,
              reason: expected,
            });
          compared += 1;
        });
      }
  return compared;
}

const records: Array<{ legalBasis: LegalBasis; state: RecordState } | null> = [
  null,
  { legalBasis: "consent", state: "confirmed" },
  { legalBasis: "consent", state: "granted" },
  { legalBasis: "consent", state: "withdrawn" },
  { legalBasis: "consent", state: "requested" },
  { legalBasis: "consent", state: "active" },
  { legalBasis: "legitimate_interests", state: "active" },
  { legalBasis: "legitimate_interests", state: "objected" },
  { legalBasis: "contract", state: "active" },
  { legalBasis: "contract", state: "ended" },
];
const evidences: Evidence[] = ["none", "note", "parental_consent"];
const every = ["email", "phone", "post", "sms"] as Channel[];

describe("admissibilitySql", () => {
  it("#2 agrees with assessAdmissibility on channel law: party, basis, state, evidence, source, §7(3)", async () => {
    const purposes = [
      await createPurpose(t.db, { key: "dm_own", directMarketing: true, channels: every }),
      await createPurpose(t.db, { key: "dm_other", directMarketing: true, channels: every }),
      await createPurpose(t.db, { key: "service", channels: every }),
    ];
    await t.db.updateTable("purpose").set({ ownSimilarGoods: true }).where("id", "=", purposes[0]!).execute();
    const cases: Case[] = [];
    for (const purposeId of purposes)
      for (const partyType of ["consumer", "business"] as const)
        for (const record of records)
          for (const evidence of evidences)
            for (const source of ["phone", "email", "microsite"] as const)
              for (const customerFromSale of [false, true])
                for (const told of [false, true])
                  cases.push({
                    purposeId,
                    partyType,
                    customerFromSale,
                    record: record && { ...record, evidence, source, told },
                  });
    const compared = await expectSqlEqualsDomain(await insertCases(cases));
    expect(compared).toBeGreaterThan(10_000);
  });

  it("#2 agrees on minors (Art. 8(1)) with and without parental evidence, validity, versions and double opt-in", async () => {
    const active = await createPurpose(t.db, { key: "minor_dm", directMarketing: true, channels: every });
    const retired = await createPurpose(t.db, { key: "minor_retired", directMarketing: true, active: false });
    await t.db
      .updateTable("purpose")
      .set({ minValidVersion: 2, currentVersion: 2 })
      .where("id", "=", active)
      .execute();
    const birthdays = [
      null,
      "2010-11-29",
      "2010-11-30",
      "2012-02-29",
      "2011-02-28",
      "2011-03-01",
      "1980-01-01",
    ];
    const cases: Case[] = [];
    for (const purposeId of [active, retired])
      for (const birthday of birthdays)
        for (const evidence of evidences)
          for (const state of ["confirmed", "granted", "active"] as const)
            for (const validUntil of [null, now])
              for (const purposeVersion of [2, 1, null])
                for (const doubleOptInRequired of [false, true])
                  cases.push({
                    purposeId,
                    birthday,
                    record: {
                      legalBasis: state === "active" ? "legitimate_interests" : "consent",
                      state,
                      validUntil,
                      purposeVersion,
                      doubleOptInRequired,
                      evidence,
                      source: "letter",
                    },
                  });
    const nows = [
      now,
      new Date(now.getTime() - 1),
      new Date("2028-02-28T23:30:00Z"), // 29 February in Berlin
      new Date("2027-02-28T12:00:00Z"),
      new Date("2027-03-01T12:00:00Z"),
      new Date("2025-02-28T12:00:00Z"), // born 29 Feb 2012: 13 only on 1 March 2025
      new Date("2025-02-28T23:30:00Z"), // 1 March in Berlin
    ];
    const compared = await expectSqlEqualsDomain(await insertCases(cases), {
      channels: ["email", "phone"],
      nows,
      ages: [13, 16],
    });
    expect(compared).toBeGreaterThan(20_000);
  });

  it("#2 agrees on person-wide blocks: erasure, restriction, objection, mail blocks, channels of the purpose", async () => {
    const purposes = [
      await createPurpose(t.db, { key: "block_all", directMarketing: true, channels: [...allChannels] }),
      await createPurpose(t.db, { key: "block_email", directMarketing: true, channels: ["email"] }),
      await createPurpose(t.db, { key: "block_service", channels: ["post", "email"] }),
      await createPurpose(t.db, { key: "block_none", directMarketing: true, channels: [] }),
    ];
    const blocks: Array<Partial<Case>> = [
      {},
      { erased: true },
      { restricted: true },
      { objected: ["email"] },
      { objected: [...allChannels] },
      { mailBlocks: ["phone"] },
      { mailBlocks: ["email", "sms"] },
      { objected: ["post"], mailBlocks: ["email"] },
    ];
    const cases: Case[] = [];
    for (const purposeId of purposes)
      for (const block of blocks)
        for (const partyType of ["consumer", "business"] as const)
          for (const record of [null, ...records.slice(1, 2), ...records.slice(6, 7)])
            cases.push({ purposeId, partyType, ...block, record: record && { ...record, evidence: "note" } });
    const compared = await expectSqlEqualsDomain(await insertCases(cases));
    expect(compared).toBeGreaterThan(900);
  });
});
