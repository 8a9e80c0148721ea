import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import { suppressionHash } from "../lists/suppression.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { erasePerson } from "./erase-person.ts";
import {
  createErasureCatalogue,
  createFullPerson,
  dpo,
  type FullPerson,
  now,
  original,
  secret,
} from "./erasure-fixture.ts";

let t: TestDatabase;
let full: FullPerson;
let before: string[];
beforeAll(async () => {
  t = await createTestDatabase();
  full = await createFullPerson(t.db, await createErasureCatalogue(t.db));
  before = await scan();
  await erasePerson(t.db, {
    personId: full.personId,
    level: 3,
    reason: "request",
    actor: dpo,
    now,
    suppressionSecret: secret,
  });
});
afterAll(async () => t?.close());

interface Column {
  table: string;
  column: string;
  dataType: string;
  heldTable: boolean;
}

/** Every column that can hold a text, a date, JSON, bytes or a text array, in every table. */
async function scannableColumns(): Promise<Column[]> {
  const { rows } = await sql<Column>`
    SELECT c.table_name AS table, c.column_name AS column, c.data_type,
      EXISTS (SELECT 1 FROM information_schema.columns h WHERE h.table_schema = c.table_schema
        AND h.table_name = c.table_name AND h.column_name = 'held_until') AS held_table
    FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE'
      AND (c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'date')
        OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
    ORDER BY 1, 2`.execute(t.db);
  return rows;
}

/** Which of the needles occur in the column, outside rows kept restricted by a hold. */
async function occurrences(col: Column, needles: readonly string[]): Promise<string[]> {
  const ref = sql.ref(`${col.table}.${col.column}`);
  const text =
    col.dataType === "bytea"
      ? null
      : col.dataType === "ARRAY"
        ? sql`array_to_string(${ref}, ' ')`
        : sql`${ref}::text`;
  const found =
    text === null
      ? sql`position(convert_to(n, 'UTF8') in ${ref}) > 0`
      : sql`strpos(lower(${text}), lower(n)) > 0`;
  const held = col.heldTable ? sql`AND ${sql.ref(`${col.table}.held_until`)} IS NULL` : sql``;
  const { rows } = await sql<{ n: string }>`
    SELECT n FROM unnest(${sql.val(needles)}::text[]) AS n
    WHERE EXISTS (SELECT 1 FROM ${sql.table(col.table)} WHERE ${found} ${held})`.execute(t.db);
  return rows.map((row) => row.n);
}

/** Every occurrence of an original value, as "table.column: value". */
async function scan(): Promise<string[]> {
  const needles = Object.values(original);
  const columns = await scannableColumns();
  const found: string[] = [];
  for (const col of columns)
    for (const needle of await occurrences(col, needles)) found.push(`${col.table}.${col.column}: ${needle}`);
  return found;
}

describe("after level 3, nothing remains (issue 9 point 8)", () => {
  it("no column of any table holds an original value, except the restricted held items", async () => {
    const columns = await scannableColumns();
    expect(columns.length).toBeGreaterThan(100);
    expect(columns).toContainEqual(expect.objectContaining({ table: "document", column: "content" }));
    expect(columns).toContainEqual(expect.objectContaining({ table: "audit_event", column: "changes" }));
    // before the erasure, the same scan found every value (so it can see each of them)
    const seen = before.join("\n");
    expect(Object.values(original).filter((needle) => !seen.includes(`: ${needle}`))).toEqual([]);
    expect(await scan()).toEqual([]);
  });

  it("the scan finds what it looks for: the held items still hold their values, restricted", async () => {
    const held = { table: "document", column: "content", dataType: "bytea", heldTable: false };
    expect(await occurrences(held, [original.heldDocumentBytes, original.evidenceBytes])).toEqual([
      original.heldDocumentBytes,
      original.evidenceBytes,
    ]);
    const documents = await t.db
      .selectFrom("document")
      .select(["id", "heldUntil"])
      .where("personId", "=", full.personId)
      .orderBy("heldUntil")
      .execute();
    expect(documents).toEqual([
      { id: full.evidenceDocumentId, heldUntil: "2030-01-01" },
      { id: full.heldDocumentId, heldUntil: "2032-01-01" },
    ]);
    const accounts = await t.db.selectFrom("bankAccount").select(["iban", "heldUntil"]).execute();
    expect(accounts).toEqual([{ iban: original.heldIban, heldUntil: "2033-01-01" }]);
    const evidence = await t.db
      .selectFrom("consentEvidence")
      .select("heldUntil")
      .orderBy("heldUntil")
      .execute();
    expect(evidence.map((row) => row.heldUntil)).toEqual(["2030-01-01", "2031-06-15"]);
  });

  it("leaves both e-mail addresses only as keyed hashes on the suppression list", async () => {
    const hashes = (await t.db.selectFrom("suppressionEntry").select(["emailHash", "reason"]).execute()).sort(
      (a, b) => a.emailHash.localeCompare(b.emailHash),
    );
    expect(hashes).toEqual(
      [original.primaryEmail, original.secondaryEmail]
        .map((address) => ({ emailHash: suppressionHash(secret, address), reason: "erasure" }))
        .sort((a, b) => a.emailHash.localeCompare(b.emailHash)),
    );
  });

  it("shreds the person's key and the audit chain still verifies", async () => {
    const key = await t.db
      .selectFrom("personKey")
      .select(["key", "shreddedAt"])
      .where("personId", "=", full.personId)
      .executeTakeFirstOrThrow();
    expect(key).toEqual({ key: null, shreddedAt: now });
    const encrypted = await t.db
      .selectFrom("auditEvent")
      .select("id")
      .where("personId", "=", full.personId)
      .where("personalEnc", "is not", null)
      .execute();
    expect(encrypted.length).toBeGreaterThan(0);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 10 });
  });
});
