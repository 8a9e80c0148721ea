import {
  answerPersonId,
  createRequestLink,
  type Database,
  enqueueEmail,
  fileMicrositeRequest,
  findSuppressedAddresses,
  getCompanySettings,
  keepIf,
  linkPlaceholder,
  prepareExtensionNotice,
  prepareRequestAnswer,
  recordAudit,
  recordExtensionNotice,
  recordRequestAnswer,
} from "@purposeful/db";
import type { Language, RequestOutcome, RequestType, StaffRole } from "@purposeful/domain";
import { renderEmail } from "../render.ts";
import { companyForMail } from "./recipient.ts";

/**
 * The microsite's request form (issue 11 #5), step one: a verification link to the address typed
 * in, whether or not it is one we hold. An unknown address gets a link too: anyone may ask a
 * controller whether it processes data about them (Art. 15(1)) or exercise another right, and a
 * refusal would tell a stranger which addresses we know. The link is bound to the address only then.
 *
 * Constant work: the same statements and the same rendering run for a known, an unknown and a
 * suppressed address (one an erased contact used, or one of an erased person); for those the
 * writes are rolled back to a savepoint, so they get nothing and the timing does not tell. The
 * audit event carries no address and no person, only whether the address was suppressed.
 */
export async function sendRequestVerificationLink(
  trx: Database,
  input: {
    email: string;
    language: Language;
    micrositeUrl: string;
    linkSecret: string;
    suppressionSecret: string;
    at: Date;
  },
): Promise<void> {
  const suppressed = (await findSuppressedAddresses(trx, input.suppressionSecret, [input.email])).length > 0;
  const company = await companyForMail(trx);
  const { kept } = await keepIf(
    trx,
    async () => {
      const link = await createRequestLink(trx, {
        email: input.email,
        language: input.language,
        at: input.at,
        secret: input.linkSecret,
      });
      const mail = await renderEmail(
        "request-verification",
        {
          company,
          salutationName: "",
          linkUrl: `${input.micrositeUrl}/${input.language}/request/${linkPlaceholder(link.id)}`,
          expiresAt: link.expiresAt.toISOString(),
        },
        input.language,
      );
      await enqueueEmail(trx, {
        idempotencyKey: `request-verification:${link.id}`,
        personId: link.personId,
        to: link.email,
        template: "request-verification",
        language: input.language,
        props: { linkId: link.id },
        ...mail,
        at: input.at,
      });
      return link;
    },
    (link) => !suppressed && !link.blocked,
  );
  await recordAudit(trx, {
    actor: { type: "data_subject", id: null },
    action: "microsite.request_link_requested",
    entityType: "microsite_link",
    changes: { language: input.language, ...(kept ? {} : { suppressed: true }) },
    at: input.at,
  });
}

/**
 * Step two: the person chose the type and wrote their message. Opens the case (identity verified
 * by the link, `fileMicrositeRequest`) and queues the receipt with the case number, the type, the
 * received time and the due date (Art. 12(3)), in the language of the page.
 */
export async function fileRequestFromMicrosite(
  trx: Database,
  input: { token: string; type: RequestType; message: string; language: Language; now: Date },
): Promise<{ requestId: string; number: string; dueDate: string }> {
  const filed = await fileMicrositeRequest(trx, input);
  const mail = await renderEmail(
    "request-receipt",
    {
      company: await companyForMail(trx),
      salutationName: "",
      caseNumber: filed.number,
      requestType: input.type,
      receivedAt: filed.receivedAt.toISOString(),
      dueOn: filed.dueDate,
    },
    input.language,
  );
  await enqueueEmail(trx, {
    idempotencyKey: `request-receipt:${filed.id}`,
    personId: filed.personId,
    to: filed.email,
    template: "request-receipt",
    language: input.language,
    props: { requestId: filed.id, type: input.type, dueDate: filed.dueDate },
    ...mail,
    at: input.now,
  });
  return { requestId: filed.id, number: filed.number, dueDate: filed.dueDate };
}

/**
 * Art. 12(3) sentence 3: tells the requester that the deadline was extended by two months, why,
 * and the new due date — refused (with the domain's reason) when the case was not extended, the
 * first month is over, the step is not open, or there is no address. Marks the `notify_extension`
 * step done with the outbox message linked as its result.
 */
export async function sendExtensionNotice(
  trx: Database,
  input: { requestId: string; actorId: string; role: StaffRole; language: Language; now: Date },
): Promise<{ outboxMessageId: string }> {
  const by = { staffUserId: input.actorId, role: input.role, at: input.now };
  const view = await prepareExtensionNotice(trx, { requestId: input.requestId }, by);
  const mail = await renderEmail(
    "request-extension",
    {
      company: await companyForMail(trx),
      salutationName: view.requesterName?.trim() ?? "",
      caseNumber: view.number,
      requestType: view.type,
      receivedAt: view.receivedAt.toISOString(),
      reason: view.extensionReason ?? "",
      dueOn: view.dueDate,
    },
    input.language,
  );
  const outboxMessageId = await enqueueEmail(trx, {
    idempotencyKey: `request-extension:${view.id}`,
    personId: await answerPersonId(trx, view.personIds),
    to: view.requesterEmail,
    template: "request-extension",
    language: input.language,
    props: { requestId: view.id, dueDate: view.dueDate },
    ...mail,
    at: input.now,
  });
  // The step is open (checked above) and its key unique per case, so the key cannot have been used.
  if (!outboxMessageId) throw new Error("extension notice already queued");
  await recordExtensionNotice(trx, { view, outboxMessageId }, by);
  return { outboxMessageId };
}

/**
 * Art. 12(3), (4): the answer to the requester — what was done, or why not with the remedies —
 * through the outbox in `language`; the step "confirm to the person" done with the mail linked,
 * the outcome on the case. One transaction; the caller's.
 */
export async function sendRequestAnswer(
  trx: Database,
  input: {
    requestId: string;
    actorId: string;
    role: StaffRole;
    language: Language;
    outcome: RequestOutcome;
    message: string;
    now: Date;
  },
): Promise<{ outboxMessageId: string }> {
  const by = { staffUserId: input.actorId, role: input.role, at: input.now };
  const view = await prepareRequestAnswer(trx, input, by);
  const settings = await getCompanySettings(trx);
  const mail = await renderEmail(
    "request-answer",
    {
      company: await companyForMail(trx),
      salutationName: view.requesterName?.trim() ?? "",
      caseNumber: view.number,
      requestType: view.type,
      receivedAt: view.receivedAt.toISOString(),
      outcome: input.outcome,
      message: input.message.trim(),
      authority: {
        name: settings.authorityName,
        address: settings.authorityAddress,
        url: settings.authorityUrl,
      },
    },
    input.language,
  );
  const outboxMessageId = await enqueueEmail(trx, {
    idempotencyKey: `request-answer:${view.id}`,
    personId: await answerPersonId(trx, view.personIds),
    to: view.requesterEmail,
    template: "request-answer",
    language: input.language,
    props: { requestId: view.id, outcome: input.outcome },
    ...mail,
    at: input.now,
  });
  // The step is open (checked above) and its key unique per case, so the key cannot have been used.
  if (!outboxMessageId) throw new Error("request answer already queued");
  await recordRequestAnswer(
    trx,
    { view, outboxMessageId, outcome: input.outcome, message: input.message },
    by,
  );
  return { outboxMessageId };
}
