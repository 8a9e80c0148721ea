import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import type { BulkJobHandler, ClaimedBulkJob } from "../jobs/bulk-jobs.ts";
import { createMicrositeLinks } from "../microsite/links.ts";
import { withoutJit } from "../repositories/list-check.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import {
  type ConsentCampaignPlan,
  type ConsentCampaignVerdict,
  memberVerdictSql,
} from "./consent-campaigns.ts";
import { requestKeySql } from "./consent-request-sql.ts";
import { requestRecords } from "./request-records.ts";

/** A letter's link must outlive the post: printing, posting and a few weeks to answer. */
export const letterLinkTtlDays = 60;
/** The template of a campaign's mails; rendered by the dispatcher, not when queued. */
export const consentCampaignTemplate = "consent-request";

async function loadCampaign(db: Database, job: ClaimedBulkJob) {
  return db
    .selectFrom("consentCampaign")
    .selectAll()
    .where("id", "=", job.subjectId!)
    .executeTakeFirstOrThrow();
}

async function planOf(db: Database, campaign: Awaited<ReturnType<typeof loadCampaign>>, now: Date) {
  const { ageOfConsent } = await getCompanySettings(db);
  const plan: ConsentCampaignPlan = {
    check: {
      listId: campaign.listId,
      purposeIds: campaign.purposeIds,
      channel: campaign.channel,
      now,
      ageOfConsent,
    },
    purposeIds: campaign.purposeIds,
    askedIds: campaign.askedPurposeIds,
    purposeSetKey: campaign.purposeSetKey,
  };
  return plan;
}

interface RoutedMember {
  personId: string;
  route: "email" | "letter";
  emailId: string | null;
}

/**
 * The batch of a mass consent request, set-based and in the runner's transaction (so a crash loses
 * the whole batch or nothing): route the next members by person id with the domain's rule in SQL,
 * keep one recipient row each (a request key per list × person × purpose set: `ON CONFLICT DO
 * NOTHING` makes a repeat a no-op), create their links, queue the mails unrendered
 * (`INSERT … SELECT`; the dispatcher renders them) and set the records to requested.
 */
export function consentCampaignHandler(linkSecret: string): BulkJobHandler {
  return {
    async count(db, job) {
      const campaign = await loadCampaign(db, job);
      const row = await db
        .selectFrom("marketingListMember")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("listId", "=", campaign.listId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async batch(trx, job, { cursor, limit, now }) {
      const campaign = await loadCampaign(trx, job);
      const plan = await planOf(trx, campaign, now);
      let members = trx
        .selectFrom("marketingListMember")
        .select("personId")
        .where("listId", "=", campaign.listId)
        .orderBy("personId")
        .limit(limit);
      if (cursor) members = members.where("personId", ">", cursor);
      const ids = (await members.execute()).map((row) => row.personId);
      if (ids.length === 0) return { processed: 0, cursor, done: true };

      const routed = await withoutJit(trx, async (t) => {
        const result = await sql<RoutedMember & { verdict: ConsentCampaignVerdict }>`
          WITH v AS MATERIALIZED (
            -- materialized: the verdict is computed once per member, not once per column using it
            SELECT pe.id AS person_id, ${memberVerdictSql(plan, campaign.includeRefusals)} AS verdict,
              ${requestKeySql(campaign.listId, campaign.purposeSetKey)} AS request_key
            FROM person pe WHERE pe.id = ANY(${sql.val(ids)}::uuid[]))
          INSERT INTO consent_campaign_recipient (campaign_id, person_id, route, reason, request_key)
          SELECT ${campaign.id}::uuid, v.person_id,
            CASE WHEN v.verdict IN ('email', 'letter') THEN v.verdict END,
            CASE WHEN v.verdict NOT IN ('email', 'letter') THEN v.verdict END,
            CASE WHEN v.verdict IN ('email', 'letter') THEN v.request_key END
          FROM v
          ON CONFLICT DO NOTHING
          RETURNING person_id, route, reason AS verdict,
            (SELECT em.id FROM person_email em WHERE em.person_id = consent_campaign_recipient.person_id
              AND em.is_primary LIMIT 1) AS email_id`.execute(t);
        return result.rows;
      });
      const byMail = routed.filter((row) => row.route === "email");
      const byLetter = routed.filter((row) => row.route === "letter");
      const excluded = routed.length - byMail.length - byLetter.length;
      const result = { email: byMail.length, letter: byLetter.length, excluded };

      const settings = await createMicrositeLinks(trx, {
        links: byMail.map((row) => ({ personId: row.personId, personEmailId: row.emailId })),
        kind: "settings",
        at: now,
        secret: linkSecret,
      });
      const unsubscribe = await createMicrositeLinks(trx, {
        links: byMail.map((row) => ({ personId: row.personId, personEmailId: row.emailId })),
        kind: "unsubscribe",
        purposeIds: plan.askedIds,
        at: now,
        secret: linkSecret,
      });
      const letters = await createMicrositeLinks(trx, {
        links: byLetter.map((row) => ({ personId: row.personId, personEmailId: null })),
        kind: "settings",
        at: now,
        ttlDays: letterLinkTtlDays,
        secret: linkSecret,
      });
      if (byMail.length > 0)
        await sql`
          WITH queued AS (
            INSERT INTO outbox_message (idempotency_key, person_id, to_address, template, language, props,
              headers, status, next_attempt_at, created_at)
            SELECT 'consent-campaign:' || x.request_key, x.person_id, em.address, ${consentCampaignTemplate},
              pe.preferred_language,
              jsonb_build_object('campaignId', x.campaign_id, 'purposeIds', ${sql.val(plan.askedIds)}::uuid[],
                'linkId', u.link_id, 'unsubscribeLinkId', u.unsubscribe_id),
              '{}'::jsonb, 'pending', ${now}, ${now}
            FROM unnest(${sql.val(byMail.map((r) => r.personId))}::uuid[], ${sql.val(settings)}::uuid[],
              ${sql.val(unsubscribe)}::uuid[]) AS u(person_id, link_id, unsubscribe_id)
            JOIN consent_campaign_recipient x ON x.campaign_id = ${campaign.id} AND x.person_id = u.person_id
            JOIN person pe ON pe.id = u.person_id
            JOIN person_email em ON em.person_id = u.person_id AND em.is_primary
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, person_id, (props->>'linkId')::uuid AS link_id
          )
          UPDATE consent_campaign_recipient x SET outbox_message_id = q.id, link_id = q.link_id
          FROM queued q WHERE x.campaign_id = ${campaign.id} AND x.person_id = q.person_id`.execute(trx);
      if (byLetter.length > 0)
        await sql`UPDATE consent_campaign_recipient x SET link_id = u.link_id
          FROM unnest(${sql.val(byLetter.map((r) => r.personId))}::uuid[], ${sql.val(letters)}::uuid[])
            AS u(person_id, link_id)
          WHERE x.campaign_id = ${campaign.id} AND x.person_id = u.person_id`.execute(trx);

      const active = await trx
        .selectFrom("purpose")
        .select("id")
        .where("id", "in", plan.askedIds)
        .where("active", "=", true)
        .execute();
      await requestRecords(trx, {
        persons: [
          ...byMail.map((row) => ({ personId: row.personId, source: "email" as const })),
          ...byLetter.map((row) => ({ personId: row.personId, source: "letter" as const })),
        ],
        purposeIds: active.map((row) => row.id),
        actorId: campaign.actorId,
        at: now,
      });
      return { processed: ids.length, cursor: ids.at(-1) ?? cursor, done: ids.length < limit, result };
    },
  };
}
