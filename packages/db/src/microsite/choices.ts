import { allChannels, type Channel, DomainError, type RecordState } from "@purposeful/domain";
import { applyRecordEvent, type RecordEvidence } from "../consent/apply-record-event.ts";
import { changeDirectMarketingObjection } from "../consent/direct-marketing-objection.ts";
import type { Database } from "../create-database.ts";
import { currentTextIn, purposesWithCurrentText } from "../repositories/purpose-texts.ts";
import { truncateIp } from "./ip.ts";
import { getMicrositeSettings, type MicrositeLanguage, type MicrositePurpose } from "./settings.ts";

/** States in which a consent is live and can be withdrawn (Art. 7(3) GDPR). */
export const liveConsentStates: RecordState[] = ["requested", "granted", "confirmed"];

export interface ClientContext {
  userAgent?: string | null;
  /** The full address as received; only its truncation (/24, /48) is stored. */
  ip?: string | null;
}

export interface SaveChoicesInput extends ClientContext {
  personId: string;
  language: MicrositeLanguage;
  /** Purposes ticked on the submitted form. */
  granted: string[];
  /** Every purpose the form showed, with the text version it showed. */
  shown: { purposeId: string; version: number }[];
  now: Date;
}

export interface ChoicesResult {
  personId: string;
  language: MicrositeLanguage;
  granted: string[];
  withdrawn: string[];
  grantedIds: string[];
  withdrawnIds: string[];
  /** Double-opt-in purposes now granted and waiting for the confirmation click. */
  needsConfirmation: string[];
}

const actorOf = (personId: string) => ({ type: "data_subject" as const, id: personId });

/** "user agent …, ip …" with the address truncated; the evidence of a microsite decision. */
export function clientDescription({ userAgent, ip }: ClientContext): string {
  return `user agent ${(userAgent ?? "unknown").slice(0, 300)}, ip ${truncateIp(ip)}`;
}

function evidence(context: ClientContext, shown?: MicrositePurpose): RecordEvidence {
  return {
    kind: "microsite",
    description: clientDescription(context),
    ...(shown
      ? {
          shownTexts: [
            {
              purposeKey: shown.key,
              version: shown.version,
              language: shown.language,
              name: shown.name,
              description: shown.description,
            },
          ],
        }
      : {}),
  };
}

/**
 * Applies a submitted settings form. For each shown purpose: ticked and not live (or live on a
 * superseded text) → grant with the version shown, which must still be current (else
 * DomainError("conflict"): the page reloads the current text); unticked and live → withdraw.
 * Purposes not on the form are left alone. Run inside a transaction.
 */
export async function saveMicrositeChoices(trx: Database, input: SaveChoicesInput): Promise<ChoicesResult> {
  const settings = await getMicrositeSettings(trx, input.personId, input.language, input.now);
  if (!settings) throw new DomainError("not_found", "person_not_found");
  const decidable = new Map(settings.purposes.map((purpose) => [purpose.purposeId, purpose]));
  const shownIds = new Set(input.shown.map((item) => item.purposeId));
  if (input.granted.some((id) => !shownIds.has(id))) throw new DomainError("validation", "not_shown");

  const result: ChoicesResult = {
    personId: input.personId,
    language: input.language,
    granted: [],
    withdrawn: [],
    grantedIds: [],
    withdrawnIds: [],
    needsConfirmation: [],
  };
  const ticked = new Set(input.granted);
  for (const item of input.shown) {
    const purpose = decidable.get(item.purposeId);
    // Retired, turned into a non-consent purpose, or never decidable: the form is stale.
    if (!purpose) throw new DomainError("conflict", "purpose_changed");
    const live = purpose.state !== null && liveConsentStates.includes(purpose.state);
    if (ticked.has(item.purposeId)) {
      if (purpose.ticked && !purpose.outdated) continue;
      if (item.version !== purpose.version) throw new DomainError("conflict", "text_changed");
      // Ticking a direct-marketing purpose is the person's own, later choice: it lifts an earlier
      // objection to direct marketing on that purpose's channels (Art. 21(2), 7(1)), recorded as such.
      if (purpose.directMarketing && settings.objectedChannels.length > 0)
        await changeDirectMarketingObjection(trx, {
          personId: input.personId,
          lift: purpose.channels,
          source: "microsite",
          note: `ticked ${purpose.key}, ${clientDescription(input)}`,
          actor: actorOf(input.personId),
          at: input.now,
        });
      const applied = await applyRecordEvent(trx, {
        personId: input.personId,
        purposeId: purpose.purposeId,
        event: "grant",
        source: "microsite",
        purposeVersion: item.version,
        evidence: evidence(input, purpose),
        actor: actorOf(input.personId),
        at: input.now,
      });
      result.granted.push(purpose.name);
      result.grantedIds.push(purpose.purposeId);
      if (applied.needsConfirmation) result.needsConfirmation.push(purpose.purposeId);
    } else if (live) {
      await applyRecordEvent(trx, {
        personId: input.personId,
        purposeId: purpose.purposeId,
        event: "withdraw",
        source: "microsite",
        evidence: evidence(input),
        actor: actorOf(input.personId),
        at: input.now,
      });
      result.withdrawn.push(purpose.name);
      result.withdrawnIds.push(purpose.purposeId);
    }
  }
  return result;
}

/** Current names of purposes in a language (the other language where missing). */
export async function purposeNames(
  db: Database,
  purposeIds: string[],
  language: MicrositeLanguage,
): Promise<Map<string, string>> {
  if (purposeIds.length === 0) return new Map();
  const purposes = await purposesWithCurrentText(db, { ids: purposeIds });
  const names = new Map<string, string>();
  for (const purpose of purposes) {
    const text = currentTextIn(purpose, language, { fallback: true });
    if (text) names.set(purpose.id, text.name);
  }
  return names;
}

/**
 * Withdraws every live consent of the person in one step (Art. 7(3) GDPR), including consents to
 * purposes that were retired meanwhile, and records the objection to direct marketing on every channel
 * (Art. 21(2),(3)), which also closes advertising on legitimate interests (UWG §7(3)). Ends nothing
 * else: contracts, legal obligations and breach notifications stay possible.
 */
export async function withdrawEverything(
  trx: Database,
  input: ClientContext & { personId: string; language: MicrositeLanguage; now: Date },
): Promise<ChoicesResult> {
  const records = await trx
    .selectFrom("processingRecord")
    .select(["purposeId"])
    .where("personId", "=", input.personId)
    .where("legalBasis", "=", "consent")
    .where("state", "in", liveConsentStates)
    .orderBy("purposeId")
    .execute();
  const ids = records.map((record) => record.purposeId);
  const names = await purposeNames(trx, ids, input.language);
  for (const purposeId of ids) {
    await applyRecordEvent(trx, {
      personId: input.personId,
      purposeId,
      event: "withdraw",
      source: "microsite",
      evidence: evidence(input),
      actor: actorOf(input.personId),
      at: input.now,
    });
  }
  await changeDirectMarketingObjection(trx, {
    personId: input.personId,
    add: allChannels,
    source: "microsite",
    note: `withdraw everything, ${clientDescription(input)}`,
    actor: actorOf(input.personId),
    at: input.now,
  });
  return {
    personId: input.personId,
    language: input.language,
    granted: [],
    withdrawn: ids.map((id) => names.get(id) ?? id),
    grantedIds: [],
    withdrawnIds: ids,
    needsConfirmation: [],
  };
}

/**
 * The microsite's objection form (Art. 21(2),(3) GDPR): the channels on which the person objects to
 * direct marketing, as submitted; channels no longer ticked are lifted by the person's own choice.
 */
export async function saveMicrositeObjection(
  trx: Database,
  input: ClientContext & { personId: string; channels: readonly Channel[]; now: Date },
): Promise<{ channels: Channel[]; changed: boolean }> {
  const person = await trx
    .selectFrom("person")
    .select("dmObjectionChannels")
    .where("id", "=", input.personId)
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  const wanted = allChannels.filter((channel) => input.channels.includes(channel));
  return changeDirectMarketingObjection(trx, {
    personId: input.personId,
    add: wanted,
    lift: person.dmObjectionChannels.filter((channel) => !wanted.includes(channel)),
    source: "microsite",
    note: clientDescription(input),
    actor: actorOf(input.personId),
    at: input.now,
  });
}
