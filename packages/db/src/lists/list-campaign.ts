import { type Channel, DomainError } from "@purposeful/domain";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import type { AdmissibilityReasonSql } from "../repositories/admissibility-sql.ts";
import {
  checkedInput,
  type ListCheckInput,
  type ListCheckMember,
  type ListCheckSummary,
  listCheckMembers,
  memberReasonSql,
  type RefusalReason,
  recordListCheck,
  withoutJit,
} from "../repositories/list-check.ts";
import { getCompanySettings } from "../repositories/settings.ts";

export type { AdmissibilityReasonSql, ListCheckMember, ListCheckSummary, RefusalReason };

/** What the list page sends for a check: the company's age of consent and `now` come from the server. */
export interface ListCheckRequest {
  listId: string;
  purposeIds: readonly string[];
  channel: Channel;
}

async function existingList(db: Database, listId: string): Promise<void> {
  const row = await db.selectFrom("marketingList").select("id").where("id", "=", listId).executeTakeFirst();
  if (!row) throw new DomainError("not_found", "list_not_found");
}

async function checkInput(db: Database, request: ListCheckRequest, now: Date): Promise<ListCheckInput> {
  await existingList(db, request.listId);
  const { ageOfConsent } = await getCompanySettings(db);
  return { ...request, now, ageOfConsent };
}

/**
 * "Check this list": the summary for the chosen purposes on one channel, kept in the campaign history
 * with its audit event, in one transaction. An unknown list or purpose is refused and writes nothing.
 */
export function runListCheck(
  db: Database,
  request: ListCheckRequest,
  staffUserId: string,
  now: Date,
): Promise<{ checkId: string; summary: ListCheckSummary }> {
  return db.transaction().execute(async (trx) => {
    const input = await checkInput(trx, request, now);
    return recordListCheck(trx, { ...input, staffUserId });
  });
}

/** One keyset page of a check's members with their verdict, optionally only those with one reason. */
export async function checkedListMembers(
  db: Database,
  request: ListCheckRequest & {
    reason?: AdmissibilityReasonSql | null;
    after?: string | null;
    limit: number;
  },
  now: Date,
) {
  const input = await checkInput(db, request, now);
  return listCheckMembers(db, {
    ...input,
    reason: request.reason,
    after: request.after,
    limit: request.limit,
  });
}

export interface CampaignCheckRow {
  id: string;
  checkedAt: Date;
  actorName: string | null;
  purposeIds: string[];
  channel: Channel;
  total: number;
  admissible: number;
  byReason: Array<{ reason: RefusalReason; count: number }>;
}

/** The list's last checks, newest first: who, when, which settings, with which counts. */
export async function listCheckHistory(
  db: Database,
  listId: string,
  limit = 10,
): Promise<CampaignCheckRow[]> {
  const rows = await db
    .selectFrom("campaignCheck as c")
    .leftJoin("staffUser as u", "u.id", "c.actorId")
    .select([
      "c.id",
      "c.checkedAt",
      "u.name as actorName",
      "c.purposeIds",
      "c.channel",
      "c.total",
      "c.admissible",
      "c.byReason",
    ])
    .where("c.listId", "=", listId)
    .orderBy("c.checkedAt", "desc")
    .orderBy("c.id", "desc")
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 100))
    .execute();
  return rows.map((row) => ({
    ...row,
    checkedAt: new Date(row.checkedAt),
    byReason: (Array.isArray(row.byReason) ? row.byReason : []) as CampaignCheckRow["byReason"],
  }));
}

/** One admissible member's contact data for a mailing tool; only the columns the channel needs. */
export interface ExportRow {
  lastName: string;
  firstName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
}

/**
 * Art. 5(1)(c) GDPR: the contact data the channel needs, nothing else: e-mail for e-mail and SMS
 * campaigns, the postal address for post, the phone number for phone and SMS (mobile first).
 */
function contactColumns(channel: Channel) {
  const email = channel === "email" || channel === "sms";
  const post = channel === "post";
  const phone = channel === "phone" || channel === "sms";
  return sql`
    ${email ? sql`(SELECT e.address FROM person_email e WHERE e.person_id = pe.id ORDER BY e.is_primary DESC, e.created_at, e.id LIMIT 1)` : sql`NULL::text`} AS email,
    ${phone ? sql`(SELECT ph.number FROM person_phone ph WHERE ph.person_id = pe.id ORDER BY ph.is_primary DESC, ${channel === "sms" ? sql`ph.kind = 'mobile' DESC,` : sql``} ph.created_at, ph.id LIMIT 1)` : sql`NULL::text`} AS phone,
    a.street, a.postal_code, a.city, a.country
    FROM marketing_list_member m
    JOIN person pe ON pe.id = m.person_id
    ${
      post
        ? sql`LEFT JOIN LATERAL (SELECT ad.street, ad.postal_code, ad.city, ad.country FROM person_address ad
            WHERE ad.person_id = pe.id ORDER BY ad.is_primary DESC, ad.created_at, ad.id LIMIT 1) a ON true`
        : sql`LEFT JOIN LATERAL (SELECT NULL::text AS street, NULL::text AS postal_code, NULL::text AS city,
            NULL::text AS country) a ON true`
    }`;
}

/**
 * The admissible members of a list for the purposes on the channel, recomputed now (never a list the
 * client sends), with an audit event `campaign.exported`: who, which list, purposes, channel and how
 * many, no personal data. One transaction: the audit is written only with the export.
 */
export function exportAdmissibleMembers(
  db: Database,
  request: ListCheckRequest,
  staffUserId: string,
  now: Date,
): Promise<{ rows: ExportRow[]; purposeKeys: string[] }> {
  return db.transaction().execute(async (trx) => {
    const input = await checkInput(trx, request, now);
    const purposeIds = await checkedInput(trx, input);
    const query = sql<ExportRow>`
      SELECT pe.last_name, pe.first_name, ${contactColumns(input.channel)}
      CROSS JOIN LATERAL (SELECT ${memberReasonSql(input, purposeIds)} AS reason) v
      WHERE m.list_id = ${input.listId} AND v.reason = 'admissible'
      ORDER BY pe.last_name, pe.first_name, pe.id`;
    const { rows } = await withoutJit(trx, (inner) => query.execute(inner));
    await recordAudit(trx, {
      actor: { type: "staff", id: staffUserId },
      action: "campaign.exported",
      entityType: "marketing_list",
      entityId: input.listId,
      changes: { purposeIds, channel: input.channel, count: rows.length },
      at: now,
    });
    const keys = await trx
      .selectFrom("purpose")
      .select(["id", "key"])
      .where("id", "in", purposeIds)
      .execute();
    const keyOf = new Map(keys.map((row) => [row.id, row.key]));
    return { rows, purposeKeys: purposeIds.map((id) => keyOf.get(id) ?? id) };
  });
}
