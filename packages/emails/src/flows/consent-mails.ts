import {
  type Actor,
  applyRecordEvent,
  createMicrositeLink,
  type Database,
  enqueueEmail,
  linkPlaceholder,
  recordAudit,
} from "@purposeful/db";
import { calendarDateAt, DomainError, formatCalendarDate, isRefusal } from "@purposeful/domain";
import { renderEmail } from "../render.ts";
import { companyForMail, loadRecipient, purposeTexts, type Recipient } from "./recipient.ts";

/** RFC 8058 one-click unsubscribe (with RFC 2369's List-Unsubscribe); the URL must be https in production. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

const day = (instant: Date) => formatCalendarDate(calendarDateAt(instant));

/**
 * Where a personal link points. The stored mail carries a placeholder for the token, which the
 * dispatcher derives from LINK_SECRET right before sending: the outbox never holds a working link.
 */
const linkUrl = (micrositeUrl: string, path: string, linkId: string) =>
  `${micrositeUrl}${path}/${linkPlaceholder(linkId)}`;

/** The recipient, or null when the person has no address or may not be contacted (mail is skipped). */
async function contactableRecipient(trx: Database, personId: string) {
  return loadRecipient(trx, personId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code !== "not_found") return null;
    throw error;
  });
}

/**
 * The consent request mail for one person: every purpose's full text, the personal settings link and
 * the one-click unsubscribe headers, with placeholders for the links' tokens. Shared by the single
 * request and the dispatcher, which renders a mass request's mails right before sending them.
 */
export async function consentRequestMail(
  db: Database,
  input: {
    recipient: Recipient;
    purposes: ReadonlyArray<{ name: string; description: string }>;
    linkId: string;
    unsubscribeLinkId: string;
    expiresAt: Date;
    micrositeUrl: string;
  },
) {
  const { recipient } = input;
  const props = {
    company: await companyForMail(db),
    salutationName: recipient.salutationName,
    purposes: input.purposes.map((p) => ({ name: p.name, description: p.description })),
    linkUrl: linkUrl(input.micrositeUrl, `/${recipient.language}/p`, input.linkId),
    expiresOn: day(input.expiresAt),
  };
  const mail = await renderEmail("consent-request", props, recipient.language);
  return { ...mail, headers: unsubscribeHeaders(linkUrl(input.micrositeUrl, "/u", input.unsubscribeLinkId)) };
}

/**
 * Asks a person for consent: a personal settings link, the mail with every purpose's full text,
 * and the records set to "requested" — all in the caller's transaction (sent after commit).
 */
export async function sendConsentRequest(
  trx: Database,
  input: {
    personId: string;
    purposeIds: string[];
    /** purposes the person said no to (declined, withdrawn, objected) that staff chose to ask again */
    askAgainAfterRefusal?: string[];
    micrositeUrl: string;
    linkSecret: string;
    actor: Actor;
    at: Date;
  },
) {
  const recipient = await loadRecipient(trx, input.personId, "consent_request");
  const purposes = await purposeTexts(trx, input.purposeIds, recipient.language);
  // Art. 7(4) GDPR: only consent purposes are asked for; a contract is never a checkbox.
  const askable = purposes.filter((p) => p.active && p.defaultLegalBasis === "consent");
  if (askable.length === 0) throw new DomainError("validation", "no_consent_purposes");
  // A no is respected: asking again after a refusal is an explicit choice, never a default.
  const refused = await trx
    .selectFrom("processingRecord")
    .select(["purposeId", "state"])
    .where("personId", "=", recipient.personId)
    .where(
      "purposeId",
      "in",
      askable.map((p) => p.id),
    )
    .execute();
  const unconfirmed = refused.filter(
    (r) => isRefusal(r.state) && !(input.askAgainAfterRefusal ?? []).includes(r.purposeId),
  );
  if (unconfirmed.length > 0) throw new DomainError("validation", "refusal_not_confirmed");
  const link = await createMicrositeLink(trx, {
    personId: recipient.personId,
    kind: "settings",
    at: input.at,
    secret: input.linkSecret,
    personEmailId: recipient.emailId,
  });
  const unsubscribe = await createMicrositeLink(trx, {
    personId: recipient.personId,
    kind: "unsubscribe",
    purposeIds: askable.map((p) => p.id),
    at: input.at,
    secret: input.linkSecret,
    personEmailId: recipient.emailId,
  });
  const mail = await consentRequestMail(trx, {
    recipient,
    purposes: askable,
    linkId: link.id,
    unsubscribeLinkId: unsubscribe.id,
    expiresAt: link.expiresAt,
    micrositeUrl: input.micrositeUrl,
  });
  const outboxId = await enqueueEmail(trx, {
    idempotencyKey: `consent-request:${link.id}`,
    personId: recipient.personId,
    to: recipient.email,
    template: "consent-request",
    language: recipient.language,
    props: { purposes: askable.map((p) => ({ key: p.key, version: p.version })), linkId: link.id },
    ...mail,
    at: input.at,
  });
  for (const purpose of askable) {
    await applyRecordEvent(trx, {
      personId: recipient.personId,
      purposeId: purpose.id,
      event: "request",
      source: "email",
      actor: input.actor,
      at: input.at,
    });
  }
  const askedAgain = refused.filter((r) => isRefusal(r.state)).map((r) => r.purposeId);
  if (askedAgain.length > 0)
    await recordAudit(trx, {
      actor: input.actor,
      action: "consent_request.asked_again_after_refusal",
      entityType: "person",
      entityId: recipient.personId,
      personId: recipient.personId,
      changes: {
        purposeKeys: askable.filter((p) => askedAgain.includes(p.id)).map((p) => p.key),
        refusals: refused.filter((r) => isRefusal(r.state)).map((r) => r.state),
      },
      at: input.at,
    });
  return { outboxId, linkId: link.id, purposes: askable.map((p) => p.name) };
}

/**
 * The double opt-in mail (BGH I ZR 164/09): the consent counts only after the person clicks its
 * single-use link. Called wherever a consent to a double-opt-in purpose was granted (staff
 * recording, signature tablet, microsite); `applyRecordEvent` reports it as `needsConfirmation`.
 */
export async function sendDoubleOptInConfirmation(
  trx: Database,
  input: { personId: string; purposeIds: string[]; micrositeUrl: string; linkSecret: string; at: Date },
) {
  if (input.purposeIds.length === 0) return null;
  // Without a contactable address the consent simply stays unconfirmed (and not valid).
  const recipient = await contactableRecipient(trx, input.personId);
  if (!recipient) return null;
  const purposes = await purposeTexts(trx, input.purposeIds, recipient.language);
  const link = await createMicrositeLink(trx, {
    personId: recipient.personId,
    kind: "double_opt_in",
    purposeIds: input.purposeIds,
    at: input.at,
    secret: input.linkSecret,
    personEmailId: recipient.emailId,
  });
  const props = {
    company: await companyForMail(trx),
    salutationName: recipient.salutationName,
    purposes: purposes.map((p) => ({ name: p.name })),
    confirmUrl: linkUrl(input.micrositeUrl, `/${recipient.language}/confirm`, link.id),
    expiresOn: day(link.expiresAt),
  };
  const mail = await renderEmail("double-opt-in", props, recipient.language);
  return enqueueEmail(trx, {
    idempotencyKey: `double-opt-in:${link.id}`,
    personId: recipient.personId,
    to: recipient.email,
    template: "double-opt-in",
    language: recipient.language,
    props: { purposes: purposes.map((p) => ({ key: p.key, version: p.version })), linkId: link.id },
    ...mail,
    at: input.at,
  });
}

/** The receipt after every change a person makes: what is now granted or withdrawn, and a way back. */
export async function sendConsentReceipt(
  trx: Database,
  input: {
    personId: string;
    granted: string[];
    withdrawn: string[];
    micrositeUrl: string;
    linkSecret: string;
    at: Date;
    changeId: string;
  },
) {
  const recipient = await contactableRecipient(trx, input.personId);
  if (!recipient) return null;
  const link = await createMicrositeLink(trx, {
    personId: recipient.personId,
    kind: "settings",
    at: input.at,
    secret: input.linkSecret,
    personEmailId: recipient.emailId,
  });
  const props = {
    company: await companyForMail(trx),
    salutationName: recipient.salutationName,
    granted: input.granted,
    withdrawn: input.withdrawn,
    settingsUrl: linkUrl(input.micrositeUrl, `/${recipient.language}/p`, link.id),
    changedAt: input.at.toISOString(),
  };
  const mail = await renderEmail("consent-receipt", props, recipient.language);
  return enqueueEmail(trx, {
    idempotencyKey: `consent-receipt:${input.changeId}`,
    personId: recipient.personId,
    to: recipient.email,
    template: "consent-receipt",
    language: recipient.language,
    props: { granted: input.granted, withdrawn: input.withdrawn, linkId: link.id },
    ...mail,
    at: input.at,
  });
}

/**
 * "Send me a new link": if the address belongs to a contactable person, a fresh settings link goes
 * to that address through the outbox. The caller answers the same either way, so nothing reveals
 * whether the address is known.
 */
export async function sendSettingsLink(
  trx: Database,
  input: { email: string; micrositeUrl: string; linkSecret: string; at: Date },
): Promise<boolean> {
  const address = input.email.trim().toLowerCase();
  const match = await trx
    .selectFrom("personEmail")
    .innerJoin("person", "person.id", "personEmail.personId")
    .select(["person.id", "personEmail.id as emailId", "personEmail.address"])
    .where((eb) => eb(eb.fn("lower", ["personEmail.address"]), "=", address))
    .where("person.erasedLevel", "=", 0)
    .where("person.restricted", "=", false)
    .orderBy("person.createdAt")
    .limit(1)
    .executeTakeFirst();
  if (!match) return false;
  const recipient = await loadRecipient(trx, match.id);
  const link = await createMicrositeLink(trx, {
    personId: match.id,
    kind: "settings",
    at: input.at,
    secret: input.linkSecret,
    personEmailId: match.emailId,
  });
  const mail = await renderEmail(
    "settings-link",
    {
      company: await companyForMail(trx),
      salutationName: recipient.salutationName,
      linkUrl: linkUrl(input.micrositeUrl, `/${recipient.language}/p`, link.id),
      expiresOn: day(link.expiresAt),
    },
    recipient.language,
  );
  await enqueueEmail(trx, {
    idempotencyKey: `settings-link:${link.id}`,
    personId: match.id,
    to: match.address,
    template: "settings-link",
    language: recipient.language,
    props: { linkId: link.id },
    ...mail,
    at: input.at,
  });
  return true;
}
