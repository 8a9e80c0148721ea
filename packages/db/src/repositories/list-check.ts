import { allChannels, type Channel, DomainError, maxAgeOfConsent, minAgeOfConsent } from "@purposeful/domain";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { type AdmissibilityReasonSql, admissibilitySql } from "./admissibility-sql.ts";

/** A one-click check of a marketing list: its members for the chosen purposes on one channel. */
export interface ListCheckInput {
  listId: string;
  /** in the order the user chose them: a member's reason is the first refusing purpose's */
  purposeIds: readonly string[];
  channel: Channel;
  now: Date;
  /** Art. 8(1) GDPR: the company settings' age of consent */
  ageOfConsent: number;
}

export type RefusalReason = Exclude<AdmissibilityReasonSql, "admissible">;

export interface ListCheckSummary {
  total: number;
  admissible: number;
  /** members who may not be contacted, by their reason */
  byReason: Partial<Record<RefusalReason, number>>;
}

/** Unique purpose ids in the chosen order; every one must exist. Bad input writes nothing. */
export async function checkedInput(db: Database, input: ListCheckInput): Promise<string[]> {
  const purposeIds = [...new Set(input.purposeIds)];
  if (purposeIds.length === 0) throw new DomainError("validation", "invalid_purpose", "no purpose chosen");
  if (!allChannels.includes(input.channel)) throw new DomainError("validation", "invalid_field", "channel");
  const age = input.ageOfConsent;
  if (!Number.isInteger(age) || age < minAgeOfConsent || age > maxAgeOfConsent)
    throw new DomainError("validation", "invalid_age_of_consent");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!purposeIds.every((id) => uuid.test(id))) throw new DomainError("not_found", "purpose_not_found");
  const found = await db.selectFrom("purpose").select("id").where("id", "in", purposeIds).execute();
  if (found.length !== purposeIds.length) throw new DomainError("not_found", "purpose_not_found");
  return purposeIds;
}

/**
 * Per member of `m` (joined to `person as pe`), the verdict over all chosen purposes: admissible only
 * when every purpose is admissible on the channel, else the first refusing purpose's reason
 * (`assessAdmissibility` through `admissibilitySql`).
 */
export function memberReasonSql(input: ListCheckInput, purposeIds: string[]) {
  return sql<AdmissibilityReasonSql>`(
    SELECT x.reason FROM (
      SELECT ${admissibilitySql(input.now, input.channel, input.ageOfConsent)} AS reason, c.ord
      FROM unnest(${sql.val(purposeIds)}::uuid[]) WITH ORDINALITY AS c(purpose_id, ord)
      JOIN purpose p ON p.id = c.purpose_id
      LEFT JOIN processing_record r ON r.person_id = pe.id AND r.purpose_id = p.id
      OFFSET 0
    ) x ORDER BY x.reason = 'admissible', x.ord LIMIT 1)`;
}

/**
 * Runs a whole-list query without JIT compilation: its cost estimate (one subquery per member) makes
 * PostgreSQL compile it, which costs more than the query itself (1.5 s for 100,000 members).
 * `SET LOCAL` ends with the transaction, opened here unless the caller's is used.
 */
export async function withoutJit<T>(db: Database, run: (trx: Database) => Promise<T>): Promise<T> {
  const inTransaction = async (trx: Database) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    return run(trx);
  };
  return db.isTransaction ? inTransaction(db) : db.transaction().execute(inTransaction);
}

/** The summary of a check: totals and the members who may not be contacted, by reason. Set-based. */
export async function checkList(db: Database, input: ListCheckInput): Promise<ListCheckSummary> {
  const purposeIds = await checkedInput(db, input);
  // The same verdict as `memberReasonSql`, as one join over all member × purpose pairs and the first
  // refusing pair per member: a quarter faster than a subquery per member on a whole list. `OFFSET 0`
  // keeps `pairs` a subquery, so each pair's reason is computed once (inlined, the ORDER BY would
  // compute the whole CASE a second time: a quarter of the check at 1,000,000 persons).
  const query = sql<{ reason: AdmissibilityReasonSql; n: number }>`
    SELECT reason, count(*)::int AS n FROM (
      SELECT DISTINCT ON (person_id) person_id, reason FROM (
        SELECT m.person_id, c.ord, ${admissibilitySql(input.now, input.channel, input.ageOfConsent)} AS reason
        FROM marketing_list_member m
        JOIN person pe ON pe.id = m.person_id
        CROSS JOIN unnest(${sql.val(purposeIds)}::uuid[]) WITH ORDINALITY AS c(purpose_id, ord)
        JOIN purpose p ON p.id = c.purpose_id
        LEFT JOIN processing_record r ON r.person_id = m.person_id AND r.purpose_id = c.purpose_id
        WHERE m.list_id = ${input.listId}
        OFFSET 0
      ) pairs ORDER BY person_id, reason = 'admissible', ord
    ) verdicts GROUP BY reason`;
  const result = await withoutJit(db, (trx) => query.execute(trx));
  const summary: ListCheckSummary = { total: 0, admissible: 0, byReason: {} };
  for (const row of result.rows) {
    summary.total += row.n;
    if (row.reason === "admissible") summary.admissible += row.n;
    else summary.byReason[row.reason] = row.n;
  }
  return summary;
}

export interface ListCheckMember {
  personId: string;
  firstName: string;
  lastName: string;
  admissible: boolean;
  reason: AdmissibilityReasonSql;
}

export interface ListCheckMembersInput extends ListCheckInput {
  /** only members with this verdict ('admissible' or a refusal reason) */
  reason?: AdmissibilityReasonSql | null;
  /** the `nextCursor` of the previous page */
  after?: string | null;
  limit: number;
}

type Key = [string, string, string];
const encodeKey = (key: Key) => Buffer.from(JSON.stringify(key)).toString("base64url");
function decodeKey(raw: string): Key {
  try {
    const key = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === "string"))
      return key as Key;
  } catch {
    // falls through to the error below
  }
  throw new DomainError("validation", "invalid_cursor");
}

/** One keyset page of the checked members by name, with each member's verdict; filterable by reason. */
export async function listCheckMembers(
  db: Database,
  input: ListCheckMembersInput,
): Promise<{ rows: ListCheckMember[]; nextCursor: string | null }> {
  const purposeIds = await checkedInput(db, input);
  const limit = Math.min(Math.max(Math.trunc(input.limit), 1), 500);
  const after = input.after ? decodeKey(input.after) : null;
  const query = sql<{
    personId: string;
    firstName: string;
    lastName: string;
    reason: AdmissibilityReasonSql;
  }>`
    SELECT pe.id AS person_id, pe.first_name, pe.last_name, v.reason
    FROM marketing_list_member m
    JOIN person pe ON pe.id = m.person_id
    CROSS JOIN LATERAL (SELECT ${memberReasonSql(input, purposeIds)} AS reason) v
    WHERE m.list_id = ${input.listId}
      ${after ? sql`AND (pe.last_name, pe.first_name, pe.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)` : sql``}
      ${input.reason ? sql`AND v.reason = ${input.reason}` : sql``}
    ORDER BY pe.last_name, pe.first_name, pe.id
    LIMIT ${limit + 1}`;
  const result = await withoutJit(db, (trx) => query.execute(trx));
  const page = result.rows
    .slice(0, limit)
    .map((row) => ({ ...row, admissible: row.reason === "admissible" }));
  const last = page[page.length - 1];
  const nextCursor =
    result.rows.length > limit && last ? encodeKey([last.lastName, last.firstName, last.personId]) : null;
  return { rows: page, nextCursor };
}

/**
 * The counts by reason as stored in `campaign_check.by_reason` and the audit event: a list of
 * `{ reason, count }`, most frequent first (reasons as values, since the CamelCasePlugin would
 * rename snake_case object keys when reading them back).
 */
export function storedByReason(summary: ListCheckSummary): Array<{ reason: RefusalReason; count: number }> {
  return (Object.entries(summary.byReason) as Array<[RefusalReason, number]>)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/**
 * Runs the check and keeps it in the campaign history with an audit event `campaign.checked` (the
 * settings and counts only: no personal data). Call inside a transaction.
 */
export async function recordListCheck(
  trx: Database,
  input: ListCheckInput & { staffUserId: string },
): Promise<{ checkId: string; summary: ListCheckSummary }> {
  const summary = await checkList(trx, input);
  const purposeIds = [...new Set(input.purposeIds)];
  const byReason = storedByReason(summary);
  const row = await trx
    .insertInto("campaignCheck")
    .values({
      listId: input.listId,
      purposeIds,
      channel: input.channel,
      checkedAt: input.now,
      actorId: input.staffUserId,
      total: summary.total,
      admissible: summary.admissible,
      byReason: JSON.stringify(byReason),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: { type: "staff", id: input.staffUserId },
    action: "campaign.checked",
    entityType: "marketing_list",
    entityId: input.listId,
    changes: {
      checkId: row.id,
      purposeIds,
      channel: input.channel,
      total: summary.total,
      admissible: summary.admissible,
      byReason,
    },
    at: input.now,
  });
  return { checkId: row.id, summary };
}
