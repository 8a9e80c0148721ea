import { createHash } from "node:crypto";
import {
  type Channel,
  type ConsentRequestExclusion,
  DomainError,
  roleAtLeast,
  type StaffRole,
} from "@purposeful/domain";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { enqueueBulkJob } from "../jobs/bulk-jobs.ts";
import { checkedInput, type ListCheckInput, withoutJit } from "../repositories/list-check.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import {
  type ConsentRequestVerdictSql,
  consentRequestFactsSql,
  consentRequestRouteSql,
} from "./consent-request-sql.ts";

/** The kind of bulk job that asks a list's members for consent (see consent-campaign-job.ts). */
export const consentCampaignJob = "consent_campaign";

/** "Ask everyone without a valid basis" after a check: the check's settings and the DPO's choice. */
export interface ConsentCampaignRequest {
  listId: string;
  /** the checked purposes, in the chosen order; only the consent purposes among them are asked for */
  purposeIds: readonly string[];
  /** the checked channel: who is admissible on it is not asked */
  channel: Channel;
  /** ask also people who declined, withdrew or objected: only a DPO may choose it (audited) */
  includeRefusals: boolean;
  /** the check the request follows, for the campaign history */
  checkId?: string | null;
}

export interface ConsentCampaignPlan {
  check: ListCheckInput;
  purposeIds: string[];
  /** the active consent purposes among the chosen ones (Art. 7(4): a contract is never asked for) */
  askedIds: string[];
  /** identifies the set of purposes asked for: with the list and the person, the request's key */
  purposeSetKey: string;
}

export function purposeSetKey(askedIds: readonly string[]): string {
  return createHash("sha256")
    .update([...askedIds].sort().join(","))
    .digest("hex")
    .slice(0, 32);
}

/** Validates a request: the list and purposes exist, some chosen purpose can be asked for. */
export async function planConsentCampaign(
  db: Database,
  request: Omit<ConsentCampaignRequest, "includeRefusals" | "checkId">,
  now: Date,
): Promise<ConsentCampaignPlan> {
  const list = await db
    .selectFrom("marketingList")
    .select("id")
    .where("id", "=", request.listId)
    .executeTakeFirst();
  if (!list) throw new DomainError("not_found", "list_not_found");
  const { ageOfConsent } = await getCompanySettings(db);
  const check: ListCheckInput = { ...request, now, ageOfConsent };
  const purposeIds = await checkedInput(db, check);
  const purposes = await db
    .selectFrom("purpose")
    .select(["id", "active", "defaultLegalBasis"])
    .where("id", "in", purposeIds)
    .execute();
  const askable = new Set(
    purposes
      // Art. 7(4) GDPR: only consent purposes are asked for, as `sendConsentRequest` does.
      .filter((p) => p.active && p.defaultLegalBasis === "consent")
      .map((p) => p.id),
  );
  const askedIds = purposeIds.filter((id) => askable.has(id));
  if (askedIds.length === 0) throw new DomainError("validation", "no_consent_purposes");
  return { check, purposeIds, askedIds, purposeSetKey: purposeSetKey(askedIds) };
}

export type ConsentCampaignVerdict = ConsentRequestVerdictSql;

/** `consentRequestRoute` for the members `pe` of a batch: the SQL the preview and the job share. */
export function memberVerdictSql(plan: ConsentCampaignPlan, includeRefusals: boolean) {
  return sql<ConsentCampaignVerdict>`(SELECT ${consentRequestRouteSql(includeRefusals)}
    FROM (${consentRequestFactsSql(plan.check, plan.purposeIds, plan.askedIds, plan.purposeSetKey)}) f)`;
}

export interface ConsentCampaignCounts {
  total: number;
  email: number;
  letter: number;
  /** members not asked, by reason, most frequent first */
  excluded: Array<{ reason: ConsentRequestExclusion; count: number }>;
}

export function countsFrom(
  rows: Array<{ verdict: ConsentCampaignVerdict; n: number }>,
): ConsentCampaignCounts {
  const counts: ConsentCampaignCounts = { total: 0, email: 0, letter: 0, excluded: [] };
  for (const row of rows) {
    counts.total += row.n;
    if (row.verdict === "email" || row.verdict === "letter") counts[row.verdict] += row.n;
    else counts.excluded.push({ reason: row.verdict, count: row.n });
  }
  counts.excluded.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return counts;
}

/** What a request would do now, for the confirmation dialog: read-only, set-based over the list. */
export async function previewConsentCampaign(
  db: Database,
  request: ConsentCampaignRequest,
  now: Date,
): Promise<ConsentCampaignCounts & { askedIds: string[] }> {
  const plan = await planConsentCampaign(db, request, now);
  const query = sql<{ verdict: ConsentCampaignVerdict; n: number }>`
    WITH v AS MATERIALIZED (
      SELECT ${memberVerdictSql(plan, request.includeRefusals)} AS verdict
      FROM marketing_list_member m JOIN person pe ON pe.id = m.person_id
      WHERE m.list_id = ${request.listId})
    SELECT v.verdict, count(*)::int AS n FROM v GROUP BY v.verdict`;
  const result = await withoutJit(db, (trx) => query.execute(trx));
  return { ...countsFrom(result.rows), askedIds: plan.askedIds };
}

/**
 * Starts a mass consent request in one transaction: the campaign row, its bulk job (which routes,
 * links, queues and records batch by batch) and the audit event `campaign.consent_requested` with the
 * settings (no personal data; the job's result and the recipient rows hold the counts, so the
 * whole-list count the confirmation dialog showed is not computed a second time). Including
 * refusals needs the DPO.
 */
export async function startConsentCampaign(
  db: Database,
  request: ConsentCampaignRequest,
  actor: { id: string; role: StaffRole },
  now: Date,
): Promise<{ campaignId: string; jobId: string }> {
  // Art. 7(3), 21(3) GDPR: asking again after a no is the DPO's explicit decision.
  if (request.includeRefusals && !roleAtLeast(actor.role, "dpo"))
    throw new DomainError("forbidden", "include_refusals_dpo_only");
  return db.transaction().execute(async (trx) => {
    const plan = await planConsentCampaign(trx, request, now);
    const campaign = await trx
      .insertInto("consentCampaign")
      .values({
        listId: request.listId,
        checkId: request.checkId ?? null,
        purposeIds: plan.purposeIds,
        askedPurposeIds: plan.askedIds,
        channel: request.channel,
        purposeSetKey: plan.purposeSetKey,
        includeRefusals: request.includeRefusals,
        actorId: actor.id,
        createdAt: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const job = await enqueueBulkJob(trx, {
      kind: consentCampaignJob,
      subjectId: campaign.id,
      actor: { type: "staff", id: actor.id },
      at: now,
    });
    await trx.updateTable("consentCampaign").set({ jobId: job.id }).where("id", "=", campaign.id).execute();
    await recordAudit(trx, {
      actor: { type: "staff", id: actor.id },
      action: "campaign.consent_requested",
      entityType: "marketing_list",
      entityId: request.listId,
      changes: {
        campaignId: campaign.id,
        purposeIds: plan.purposeIds,
        askedPurposeIds: plan.askedIds,
        channel: request.channel,
        includeRefusals: request.includeRefusals,
      },
      at: now,
    });
    return { campaignId: campaign.id, jobId: job.id };
  });
}
