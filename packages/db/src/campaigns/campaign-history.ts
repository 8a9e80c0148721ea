import {
  assessConsentRequestLetter,
  type Channel,
  type ConsentRequestExclusion,
  DomainError,
  type Language,
} from "@purposeful/domain";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { type ConsentCampaignCounts, type ConsentCampaignVerdict, countsFrom } from "./consent-campaigns.ts";

export interface ConsentCampaignRow {
  id: string;
  listId: string;
  createdAt: Date;
  actorName: string | null;
  purposeIds: string[];
  askedPurposeIds: string[];
  channel: string;
  includeRefusals: boolean;
  job: { state: string; total: number | null; processed: number; error: string | null } | null;
  /** what the job did so far (members routed), by route and by the reason they were not asked */
  counts: ConsentCampaignCounts;
}

async function countsOf(db: Database, campaignIds: string[]): Promise<Map<string, ConsentCampaignCounts>> {
  const result = new Map<string, ConsentCampaignCounts>();
  if (campaignIds.length === 0) return result;
  const { rows } = await sql<{ campaignId: string; verdict: ConsentCampaignVerdict; n: number }>`
    SELECT campaign_id, coalesce(route, reason) AS verdict, count(*)::int AS n
    FROM consent_campaign_recipient WHERE campaign_id = ANY(${sql.val(campaignIds)}::uuid[])
    GROUP BY campaign_id, coalesce(route, reason)`.execute(db);
  for (const id of campaignIds) result.set(id, countsFrom(rows.filter((row) => row.campaignId === id)));
  return result;
}

function campaignQuery(db: Database) {
  return db
    .selectFrom("consentCampaign as c")
    .leftJoin("staffUser as u", "u.id", "c.actorId")
    .leftJoin("bulkJob as j", "j.id", "c.jobId")
    .select([
      "c.id",
      "c.listId",
      "c.createdAt",
      "u.name as actorName",
      "c.purposeIds",
      "c.askedPurposeIds",
      "c.channel",
      "c.includeRefusals",
      "j.state as jobState",
      "j.total as jobTotal",
      "j.processed as jobProcessed",
      "j.error as jobError",
    ]);
}

async function withCounts(
  db: Database,
  rows: Awaited<ReturnType<ReturnType<typeof campaignQuery>["execute"]>>,
): Promise<ConsentCampaignRow[]> {
  const counts = await countsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map(({ jobState, jobTotal, jobProcessed, jobError, ...row }) => ({
    ...row,
    createdAt: new Date(row.createdAt),
    job:
      jobState === null
        ? null
        : { state: jobState, total: jobTotal, processed: jobProcessed ?? 0, error: jobError ?? null },
    counts: counts.get(row.id) ?? { total: 0, email: 0, letter: 0, excluded: [] },
  }));
}

/** One campaign with its job's progress and its counts so far (the list page polls it). */
export async function consentCampaignProgress(db: Database, campaignId: string): Promise<ConsentCampaignRow> {
  const rows = await campaignQuery(db).where("c.id", "=", campaignId).execute();
  const [row] = await withCounts(db, rows);
  if (!row) throw new DomainError("not_found", "campaign_not_found");
  return row;
}

/** The list's consent requests, newest first: who, when, which purposes, with their counts. */
export async function listConsentCampaigns(db: Database, listId: string, limit = 10) {
  const rows = await campaignQuery(db)
    .where("c.listId", "=", listId)
    .orderBy("c.createdAt", "desc")
    .orderBy("c.id", "desc")
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 100))
    .execute();
  return withCounts(db, rows);
}

/** Art. 15(1)(g) and the campaign history: which campaigns asked this person, how, or why not. */
export async function personConsentCampaigns(db: Database, personId: string) {
  const rows = await db
    .selectFrom("consentCampaignRecipient as r")
    .innerJoin("consentCampaign as c", "c.id", "r.campaignId")
    .innerJoin("marketingList as l", "l.id", "c.listId")
    .leftJoin("staffUser as u", "u.id", "c.actorId")
    .leftJoin("outboxMessage as o", "o.id", "r.outboxMessageId")
    .select([
      "c.id as campaignId",
      "c.createdAt",
      "l.id as listId",
      "l.name as listName",
      "u.name as actorName",
      "c.askedPurposeIds",
      "r.route",
      "r.reason",
      "o.status as mailStatus",
    ])
    .where("r.personId", "=", personId)
    .orderBy("c.createdAt", "desc")
    .limit(50)
    .execute();
  return rows.map((row) => ({
    ...row,
    createdAt: new Date(row.createdAt),
    reason: row.reason as ConsentRequestExclusion | null,
  }));
}

export interface LetterRecipient {
  personId: string;
  linkId: string;
  language: Language;
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  expiresAt: Date;
}

/**
 * The letters of a campaign, sorted by postal code and name (as a letter shop sorts them), with the
 * audit event `campaign.letters_downloaded` (how many; no personal data): whoever prints them sees
 * working links, so every download is on record.
 */
export async function campaignLetters(
  db: Database,
  campaignId: string,
  staffUserId: string,
  now: Date,
  page: { offset: number; limit: number },
): Promise<{
  campaign: { id: string; askedPurposeIds: string[]; letterCount: number };
  letters: LetterRecipient[];
}> {
  return db.transaction().execute(async (trx) => {
    const campaign = await trx
      .selectFrom("consentCampaign")
      .select(["id", "listId", "askedPurposeIds"])
      .where("id", "=", campaignId)
      .executeTakeFirst();
    if (!campaign) throw new DomainError("not_found", "campaign_not_found");
    const { rows } = await sql<
      LetterRecipient & {
        erased: boolean;
        restricted: boolean;
        mailBlocks: Channel[];
        objectedChannels: Channel[];
      }
    >`
      SELECT pe.id AS person_id, r.link_id, pe.preferred_language AS language, pe.salutation, pe.title,
        pe.first_name, pe.last_name, a.street, a.postal_code, a.city, a.country, l.expires_at,
        pe.erased_level > 0 AS erased, pe.restricted, pe.mail_blocks, pe.dm_objection_channels AS objected_channels
      FROM consent_campaign_recipient r
      JOIN person pe ON pe.id = r.person_id
      JOIN microsite_link l ON l.id = r.link_id AND l.revoked_at IS NULL AND l.expires_at > ${now}
      LEFT JOIN LATERAL (SELECT ad.street, ad.postal_code, ad.city, ad.country FROM person_address ad
        WHERE ad.person_id = pe.id ORDER BY ad.is_primary DESC, ad.created_at, ad.id LIMIT 1) a ON true
      WHERE r.campaign_id = ${campaignId} AND r.route = 'letter'
      ORDER BY a.postal_code, pe.last_name, pe.first_name, pe.id
      OFFSET ${Math.max(0, Math.trunc(page.offset))} LIMIT ${Math.min(Math.max(Math.trunc(page.limit), 1), 1000)}`.execute(
      trx,
    );
    const total = await trx
      .selectFrom("consentCampaignRecipient")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("campaignId", "=", campaignId)
      .where("route", "=", "letter")
      .executeTakeFirstOrThrow();
    // Decided again now, as the dispatcher does for mails: who was erased, restricted or objected to
    // advertising by post since the request was queued gets no letter.
    const letters = rows
      .filter((row) => assessConsentRequestLetter(row).admissible)
      .map(({ erased, restricted, mailBlocks, objectedChannels, ...letter }) => letter);
    await recordAudit(trx, {
      actor: { type: "staff", id: staffUserId },
      action: "campaign.letters_downloaded",
      entityType: "marketing_list",
      entityId: campaign.listId,
      changes: {
        campaignId,
        offset: page.offset,
        count: letters.length,
        withheld: rows.length - letters.length,
      },
      at: now,
    });
    return {
      campaign: { id: campaign.id, askedPurposeIds: campaign.askedPurposeIds, letterCount: Number(total.n) },
      letters,
    };
  });
}
