import { sql } from "kysely";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { normalizeEmail } from "../repositories/kiosk.ts";
import { type ColumnMapping, checkMapping, parseCsvTable } from "./csv-table.ts";
import { lockList } from "./marketing-lists.ts";
import { suppressionHash } from "./suppression.ts";

/** Rows listed per kind in a report; the counts are always complete. */
export const reportRowLimit = 500;

export type InvalidReason = "missing_email" | "bad_email" | "column_count";

export interface ListImportReport {
  rows: number;
  matchedRows: number;
  /** Distinct persons the valid, unsuppressed addresses belong to. */
  matchedPersons: number;
  /** Of those, already on the list. */
  alreadyMembers: number;
  matched: { row: number; personId: string; firstName: string; lastName: string; email: string }[];
  unmatchedCount: number;
  unmatched: { row: number; email: string; firstName: string; lastName: string }[];
  invalidCount: number;
  invalid: { row: number; reason: InvalidReason; value: string }[];
  /** Addresses on the suppression list: the row number only, nothing about whom it concerns. */
  refusedCount: number;
  refused: { row: number }[];
  /**
   * Rows whose address belongs only to persons who are restricted (Art. 18) or erased: matched, but
   * not added; the row number only.
   */
  excludedCount: number;
  excluded: { row: number }[];
}

export interface ListImportInput {
  listId: string;
  csv: string;
  mapping: ColumnMapping;
}

// Deliberately simple: one @, no spaces, a dot in the domain; the provider decides the rest.
const emailPattern = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]+$/;

interface Candidate {
  row: number;
  email: string;
  firstName: string;
  lastName: string;
}

/** Splits the file's rows into invalid ones and candidates to look up; pure. */
function classifyRows(input: ListImportInput) {
  const table = parseCsvTable(input.csv);
  checkMapping(table, input.mapping);
  const { email, firstName, lastName } = input.mapping;
  const width = table.headers.length;
  const invalid: ListImportReport["invalid"] = [];
  const candidates: Candidate[] = [];
  for (const { row, cells } of table.rows) {
    const cell = (index: number | null | undefined) =>
      index === null || index === undefined ? "" : (cells[index] ?? "").trim();
    const address = cell(email);
    if (cells.length !== width) invalid.push({ row, reason: "column_count", value: address });
    else if (address === "") invalid.push({ row, reason: "missing_email", value: "" });
    else if (address.length > 254 || !emailPattern.test(address))
      invalid.push({ row, reason: "bad_email", value: address });
    else
      candidates.push({
        row,
        email: normalizeEmail(address),
        firstName: cell(firstName),
        lastName: cell(lastName),
      });
  }
  return { rows: table.rows.length, invalid, candidates };
}

/** The candidates with the persons their addresses belong to, one set-based statement. */
async function lookUp(trx: Database, listId: string, candidates: Candidate[], secret: string) {
  const result = await sql<{
    n: number;
    suppressed: boolean;
    personId: string | null;
    firstName: string | null;
    lastName: string | null;
    member: boolean;
    excluded: boolean;
  }>`
    SELECT e.n, s.id IS NOT NULL AS suppressed, p.id AS person_id, p.first_name, p.last_name,
           (p.restricted OR p.erased_level > 0) AS excluded,
           EXISTS (SELECT 1 FROM marketing_list_member m
                    WHERE m.list_id = ${listId}::uuid AND m.person_id = p.id) AS member
      FROM unnest(${sql.val(candidates.map((c) => c.row))}::int[],
                  ${sql.val(candidates.map((c) => c.email))}::text[],
                  ${sql.val(candidates.map((c) => suppressionHash(secret, c.email)))}::text[])
             AS e(n, email, hash)
      LEFT JOIN suppression_entry s ON s.email_hash = e.hash
      LEFT JOIN person_email pe ON s.id IS NULL AND lower(btrim(pe.address)) = e.email
      LEFT JOIN person p ON p.id = pe.person_id
     ORDER BY e.n`.execute(trx);
  return result.rows;
}

async function buildReport(trx: Database, input: ListImportInput, secret: string) {
  const { rows, invalid, candidates } = classifyRows(input);
  const byRow = new Map(candidates.map((c) => [c.row, c]));
  const found = await lookUp(trx, input.listId, candidates, secret);
  const report: ListImportReport = {
    rows,
    matchedRows: 0,
    matchedPersons: 0,
    alreadyMembers: 0,
    matched: [],
    unmatchedCount: 0,
    unmatched: [],
    invalidCount: invalid.length,
    invalid: invalid.slice(0, reportRowLimit),
    refusedCount: 0,
    refused: [],
    excludedCount: 0,
    excluded: [],
  };
  const persons = new Set<string>();
  const members = new Set<string>();
  const matchedRows = new Set<number>();
  const excludedRows = new Set<number>();
  for (const hit of found) {
    const candidate = byRow.get(Number(hit.n))!;
    if (hit.suppressed) {
      report.refusedCount++;
      if (report.refused.length < reportRowLimit) report.refused.push({ row: candidate.row });
    } else if (hit.personId && hit.excluded) {
      excludedRows.add(candidate.row);
    } else if (!hit.personId) {
      report.unmatchedCount++;
      if (report.unmatched.length < reportRowLimit) report.unmatched.push(candidate);
    } else {
      matchedRows.add(candidate.row);
      if (hit.member) members.add(hit.personId);
      if (persons.has(hit.personId)) continue;
      persons.add(hit.personId);
      if (report.matched.length < reportRowLimit)
        report.matched.push({
          row: candidate.row,
          personId: hit.personId,
          firstName: hit.firstName ?? "",
          lastName: hit.lastName ?? "",
          email: candidate.email,
        });
    }
  }
  for (const row of excludedRows) {
    if (matchedRows.has(row)) continue;
    report.excludedCount++;
    if (report.excluded.length < reportRowLimit) report.excluded.push({ row });
  }
  report.matchedRows = matchedRows.size;
  report.matchedPersons = persons.size;
  report.alreadyMembers = members.size;
  return { report, candidates };
}

/**
 * What an import would do, writing nothing: matched persons (e-mail compared trimmed and
 * lower-case), unmatched rows, invalid rows with their row numbers, and rows refused because
 * their address is on the suppression list.
 */
export function previewListImport(db: Database, input: ListImportInput, secret: string) {
  return db.transaction().execute(async (trx) => {
    await lockList(trx, input.listId);
    return (await buildReport(trx, input, secret)).report;
  });
}

/**
 * Adds the matched persons of the file in one `INSERT … SELECT`; unmatched, invalid, refused and
 * excluded rows (restricted or erased persons) add nobody and create nothing. Returns the report and how many joined the list.
 */
export function applyListImport(
  db: Database,
  input: ListImportInput,
  secret: string,
  actor: Actor,
  at: Date,
) {
  return db.transaction().execute(async (trx) => {
    await lockList(trx, input.listId);
    const { report, candidates } = await buildReport(trx, input, secret);
    const inserted = await sql<{ personId: string }>`
      INSERT INTO marketing_list_member (list_id, person_id, added_at)
      SELECT DISTINCT ${input.listId}::uuid, pe.person_id, ${at}::timestamptz
        FROM unnest(${sql.val(candidates.map((c) => c.email))}::text[],
                    ${sql.val(candidates.map((c) => suppressionHash(secret, c.email)))}::text[])
               AS e(email, hash)
        JOIN person_email pe ON lower(btrim(pe.address)) = e.email
        JOIN person p ON p.id = pe.person_id
       -- Art. 18 GDPR: a restricted (or erased) person joins no list.
       WHERE NOT p.restricted AND p.erased_level = 0
         AND NOT EXISTS (SELECT 1 FROM suppression_entry s WHERE s.email_hash = e.hash)
      ON CONFLICT DO NOTHING
      RETURNING person_id`.execute(trx);
    await recordAudit(trx, {
      actor,
      action: "marketing_list.imported",
      entityType: "marketing_list",
      entityId: input.listId,
      changes: {
        rows: report.rows,
        added: inserted.rows.length,
        matchedPersons: report.matchedPersons,
        unmatched: report.unmatchedCount,
        invalid: report.invalidCount,
        refused: report.refusedCount,
        excluded: report.excludedCount,
      },
      at,
    });
    return { report, added: inserted.rows.length };
  });
}
