import { applyRecordEvent } from "../consent/apply-record-event.ts";
import { changeDirectMarketingObjection } from "../consent/direct-marketing-objection.ts";
import type { Database } from "../create-database.ts";
import { claimSingleUseLink, markLinkUsed, resolveLink } from "./access.ts";
import { type ClientContext, clientDescription, liveConsentStates, purposeNames } from "./choices.ts";
import type { MicrositeLanguage } from "./settings.ts";

export interface OneClickResult {
  personId: string;
  /** The person's preferred language, for the page or mail that follows. */
  language: MicrositeLanguage;
  purposeIds: string[];
  names: string[];
}

async function preferredLanguage(trx: Database, personId: string): Promise<MicrositeLanguage> {
  const person = await trx
    .selectFrom("person")
    .select("preferredLanguage")
    .where("id", "=", personId)
    .executeTakeFirst();
  return person?.preferredLanguage ?? "de";
}

/**
 * The double opt-in click (BGH I ZR 164/09): a live, unused double_opt_in link confirms those of
 * its purposes that are still `granted`; the link is single use. Null for any other token.
 * Call it on POST only: mail scanners prefetch GET links.
 */
export async function confirmDoubleOptIn(
  trx: Database,
  token: string,
  now: Date,
  context: ClientContext & { language?: MicrositeLanguage } = {},
): Promise<OneClickResult | null> {
  const link = await resolveLink(trx, token, now);
  if (link?.purpose !== "double_opt_in" || link.usedAt !== null) return null;
  if (!(await claimSingleUseLink(trx, link.id, now))) return null;
  const pending =
    link.purposeIds.length === 0
      ? []
      : await trx
          .selectFrom("processingRecord")
          .select("purposeId")
          .where("personId", "=", link.personId)
          .where("purposeId", "in", link.purposeIds)
          .where("legalBasis", "=", "consent")
          .where("state", "=", "granted")
          .orderBy("purposeId")
          .execute();
  const ids = pending.map((row) => row.purposeId);
  for (const purposeId of ids) {
    await applyRecordEvent(trx, {
      personId: link.personId,
      purposeId,
      event: "confirm",
      source: "microsite",
      evidence: { kind: "microsite", description: clientDescription(context) },
      actor: { type: "data_subject", id: link.personId },
      at: now,
    });
  }
  const language = context.language ?? (await preferredLanguage(trx, link.personId));
  const names = await purposeNames(trx, ids, language);
  return { personId: link.personId, language, purposeIds: ids, names: ids.map((id) => names.get(id) ?? id) };
}

/**
 * One-click unsubscribe (RFC 8058) through a live unsubscribe link: withdraws the link's purposes
 * that are live, or — for a link without purposes — every live consent covering e-mail, and records
 * the objection to direct marketing by e-mail (Art. 21(2),(3); UWG §7(3) no. 3), so that a customer
 * mailed on legitimate interests without any consent is really unsubscribed too.
 * Idempotent; the link stays usable until it expires. Null for any other token.
 */
export async function unsubscribe(
  trx: Database,
  token: string,
  now: Date,
  context: ClientContext & { language?: MicrositeLanguage } = {},
): Promise<OneClickResult | null> {
  const link = await resolveLink(trx, token, now);
  if (link?.purpose !== "unsubscribe") return null;
  let query = trx
    .selectFrom("processingRecord as r")
    .innerJoin("purpose as p", "p.id", "r.purposeId")
    .select("r.purposeId")
    .where("r.personId", "=", link.personId)
    .where("r.legalBasis", "=", "consent")
    .where("r.state", "in", liveConsentStates);
  query =
    link.purposeIds.length > 0
      ? query.where("r.purposeId", "in", link.purposeIds)
      : query.where((eb) => eb(eb.val("email"), "=", eb.fn.any("p.channels")));
  const ids = (await query.orderBy("r.purposeId").execute()).map((row) => row.purposeId);
  for (const purposeId of ids) {
    await applyRecordEvent(trx, {
      personId: link.personId,
      purposeId,
      event: "withdraw",
      source: "microsite",
      evidence: { kind: "microsite", description: `one-click unsubscribe, ${clientDescription(context)}` },
      actor: { type: "data_subject", id: link.personId },
      at: now,
    });
  }
  await changeDirectMarketingObjection(trx, {
    personId: link.personId,
    add: ["email"],
    source: "email",
    note: `one-click unsubscribe, ${clientDescription(context)}`,
    actor: { type: "data_subject", id: link.personId },
    at: now,
  });
  await markLinkUsed(trx, link.id, now);
  const language = context.language ?? (await preferredLanguage(trx, link.personId));
  const names = await purposeNames(trx, ids, language);
  return { personId: link.personId, language, purposeIds: ids, names: ids.map((id) => names.get(id) ?? id) };
}
