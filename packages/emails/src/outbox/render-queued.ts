import {
  breachNoticeTemplate,
  type ClaimedMessage,
  type Database,
  type DeadlineReminderFacts,
  deadlineReminderTemplate,
  getCompanySettings,
  markCancelled,
  type RetentionSummaryFacts,
  retentionSummaryTemplate,
  storeRendering,
} from "@purposeful/db";
import {
  assessConsentRequestMail,
  assessTransactionalMail,
  DomainError,
  mayMailBreachNotice,
  mayMailRequestAnswer,
} from "@purposeful/domain";
import { renderQueuedBreachNotice } from "../flows/breach-notice-mails.ts";
import { consentRequestMail } from "../flows/consent-mails.ts";
import { companyForMail, loadRecipient, purposeTexts } from "../flows/recipient.ts";
import { renderEmail } from "../render.ts";

/** What a mass consent request queues instead of a rendered mail (see consent-campaign-job.ts). */
interface QueuedConsentRequest {
  purposeIds: string[];
  linkId: string;
  unsubscribeLinkId: string;
}

type Rendering = { subject: string; html: string; text: string; headers: Record<string, string> };

/** Where the links in mails queued unrendered point. */
export interface QueuedMailUrls {
  micrositeUrl?: string;
  portalUrl?: string;
}

async function renderConsentRequest(
  db: Database,
  row: ClaimedMessage,
  urls: QueuedMailUrls,
  now: Date,
): Promise<Rendering | { cancel: string }> {
  const { micrositeUrl } = urls;
  if (!micrositeUrl)
    throw new Error(`cannot render queued ${row.template} mail ${row.id} without MICROSITE_URL`);
  const props = row.props as unknown as QueuedConsentRequest;
  if (!row.personId) return { cancel: "person_not_found" };
  // A consent request is advertising: whether it may still go is decided now, not when it was queued.
  const recipient = await loadRecipient(db, row.personId, "consent_request").catch((error: unknown) => {
    if (error instanceof DomainError) return { cancel: error.reason };
    throw error;
  });
  if ("cancel" in recipient) return recipient;
  // The link is bound to the address it was queued for: a changed primary address revoked it.
  const link = await db
    .selectFrom("micrositeLink")
    .select(["expiresAt", "revokedAt"])
    .where("id", "=", props.linkId)
    .executeTakeFirst();
  if (!link || link.revokedAt || link.expiresAt.getTime() <= now.getTime()) return { cancel: "link_revoked" };
  const purposes = (await purposeTexts(db, props.purposeIds, recipient.language)).filter((p) => p.active);
  if (purposes.length === 0) return { cancel: "no_consent_purposes" };
  return consentRequestMail(db, {
    recipient: { ...recipient, email: row.toAddress },
    purposes,
    linkId: props.linkId,
    unsubscribeLinkId: props.unsubscribeLinkId,
    expiresAt: link.expiresAt,
    micrositeUrl,
  });
}

/** A retention run's summary to the DPO: its counts, rendered with the controller's current identity. */
async function renderRetentionSummary(
  db: Database,
  row: ClaimedMessage,
  urls: QueuedMailUrls,
): Promise<Rendering> {
  const facts = row.props as unknown as RetentionSummaryFacts;
  const { dpoName } = await getCompanySettings(db);
  const mail = await renderEmail(
    "retention-summary",
    {
      company: await companyForMail(db),
      salutationName: dpoName || row.toAddress,
      action: facts.action,
      today: facts.today,
      due: facts.due,
      erased: facts.erased,
      queued: facts.queued,
      failed: facts.failed,
      heldDeleted: facts.heldDeleted,
      retentionUrl: urls.portalUrl ? new URL("/retention", urls.portalUrl).toString() : null,
    },
    row.language,
  );
  return { ...mail, headers: {} };
}

/** A deadline reminder to a staff member: the case number and its deadline, linked to the case. */
async function renderDeadlineReminder(
  db: Database,
  row: ClaimedMessage,
  urls: QueuedMailUrls,
): Promise<Rendering> {
  const facts = row.props as unknown as DeadlineReminderFacts;
  const mail = await renderEmail(
    "deadline-reminder",
    {
      company: await companyForMail(db),
      salutationName: facts.recipientName || row.toAddress,
      kind: facts.kind,
      caseNumber: facts.caseNumber,
      requestType: facts.requestType,
      dueDate: facts.dueDate,
      daysLeft: facts.daysLeft,
      hours: facts.hours,
      extended: facts.extended,
      caseUrl: urls.portalUrl ? new URL(facts.path, urls.portalUrl).toString() : null,
    },
    row.language,
  );
  return { ...mail, headers: {} };
}

const renderers: Record<
  string,
  (
    db: Database,
    row: ClaimedMessage,
    urls: QueuedMailUrls,
    now: Date,
  ) => Promise<Rendering | { cancel: string }>
> = {
  "consent-request": renderConsentRequest,
  [retentionSummaryTemplate]: renderRetentionSummary,
  [deadlineReminderTemplate]: renderDeadlineReminder,
  [breachNoticeTemplate]: (db, row, _urls, now) => renderQueuedBreachNotice(db, row, now),
};

/** Answers to the person's own request (the report, the receipt, the extension, the answer): `mayMailRequestAnswer`. */
const requestAnswerTemplates = new Set([
  "access-report-notice",
  "access-report-attached",
  "request-receipt",
  "request-extension",
  "request-answer",
]);

/**
 * The claims whose person may no longer get them, decided now by the domain's rule for their kind:
 * a consent request (advertising) as `assessConsentRequestMail`, the answer to the person's own
 * request as `mayMailRequestAnswer` (Art. 12(3): a restricted person gets it too, as when it was
 * queued), the Art. 34 breach notice as `mayMailBreachNotice` (likewise), every other mail to a person as `assessTransactionalMail` — so a person restricted (Art. 18(2)) or erased after a mail was queued
 * gets none but the notices that are sent after the change (e.g. the restriction's lifting, Art. 18(3)).
 * Members of a pinned provider batch stay: a batch whose outcome is unknown is only ever repeated
 * identically.
 */
async function refusedClaims(db: Database, claims: ClaimedMessage[]): Promise<Map<string, string>> {
  const personIds = [...new Set(claims.flatMap((c) => (c.personId && !c.dispatchBatch ? [c.personId] : [])))];
  const refused = new Map<string, string>();
  if (personIds.length === 0) return refused;
  const persons = await db
    .selectFrom("person")
    .select(["id", "erasedLevel", "restricted", "mailBlocks", "dmObjectionChannels"])
    .where("id", "in", personIds)
    .execute();
  const facts = new Map(
    persons.map((p) => [
      p.id,
      {
        erasedLevel: p.erasedLevel,
        erased: p.erasedLevel > 0,
        restricted: p.restricted,
        mailBlocks: p.mailBlocks,
        objectedChannels: p.dmObjectionChannels,
      },
    ]),
  );
  for (const claim of claims) {
    const person = claim.personId && !claim.dispatchBatch ? facts.get(claim.personId) : undefined;
    if (!person) continue;
    if (requestAnswerTemplates.has(claim.template)) {
      if (!mayMailRequestAnswer(person)) refused.set(claim.id, "erased");
      continue;
    }
    // Art. 34: owed to the person whatever their restriction or mail blocks (see breachNoticeReach).
    if (claim.template === breachNoticeTemplate) {
      if (!mayMailBreachNotice(person)) refused.set(claim.id, "erased");
      continue;
    }
    const verdict =
      claim.template === "consent-request"
        ? assessConsentRequestMail(person)
        : assessTransactionalMail(person);
    if (!verdict.admissible) refused.set(claim.id, verdict.reason);
  }
  return refused;
}

/**
 * Renders the claimed mails that were queued unrendered (mass requests queue thousands of rows in one
 * statement; rendering each with react-email there would take minutes) and stores the rendering on
 * the row, so a retry sends exactly the same mail. A mail whose person may no longer be contacted is
 * `cancelled` with the domain's reason, rendered or not (`refusedClaims`). Returns the claims that
 * are ready to go, rendered.
 */
export async function renderQueuedMails(
  db: Database,
  claims: ClaimedMessage[],
  urls: QueuedMailUrls,
  now: Date,
): Promise<{ ready: ClaimedMessage[]; cancelled: number }> {
  const ready: ClaimedMessage[] = [];
  let cancelled = 0;
  const refused = await refusedClaims(db, claims);
  for (const claim of claims) {
    const reason = refused.get(claim.id);
    if (reason) {
      if (await markCancelled(db, claim, reason)) cancelled++;
      continue;
    }
    if (claim.html !== null) {
      ready.push(claim);
      continue;
    }
    const render = renderers[claim.template];
    if (!render) throw new Error(`cannot render queued ${claim.template} mail ${claim.id}`);
    const outcome = await render(db, claim, urls, now);
    if ("cancel" in outcome) {
      if (await markCancelled(db, claim, outcome.cancel)) cancelled++;
      continue;
    }
    if (await storeRendering(db, claim, outcome)) ready.push({ ...claim, ...outcome });
  }
  return { ready, cancelled };
}
