import { createMicrositeLink, type Database, enqueueEmail, linkPlaceholder } from "@purposeful/db";
import { calendarDateAt, DomainError, formatCalendarDate } from "@purposeful/domain";
import { renderEmail } from "../render.ts";
import { companyForMail, loadRecipient } from "./recipient.ts";

const day = (instant: Date) => formatCalendarDate(calendarDateAt(instant));

/**
 * Art. 18(3) GDPR: a person whose restriction is lifted is told so. Queued in the transaction that
 * lifts it (sent after commit), to the primary address, with a settings link so they can withdraw,
 * object or ask again. Without a primary address (or when the person may not be mailed, e.g. erased)
 * nothing is queued and null is returned; staff then tell the person another way.
 */
export async function sendRestrictionLiftedNotice(
  trx: Database,
  input: {
    personId: string;
    restrictedAt: Date | null;
    micrositeUrl: string;
    linkSecret: string;
    at: Date;
  },
): Promise<string | null> {
  const recipient = await loadRecipient(trx, input.personId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code !== "not_found") return null;
    throw error;
  });
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
    restrictedSince: input.restrictedAt ? day(input.restrictedAt) : null,
    liftedOn: day(input.at),
    settingsUrl: `${input.micrositeUrl}/${recipient.language}/p/${linkPlaceholder(link.id)}`,
  };
  const mail = await renderEmail("restriction-lifted", props, recipient.language);
  return enqueueEmail(trx, {
    idempotencyKey: `restriction-lifted:${link.id}`,
    personId: recipient.personId,
    to: recipient.email,
    template: "restriction-lifted",
    language: recipient.language,
    props: { linkId: link.id, restrictedSince: props.restrictedSince, liftedOn: props.liftedOn },
    ...mail,
    at: input.at,
  });
}
