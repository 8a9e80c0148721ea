import { randomUUID } from "node:crypto";
import {
  attachableAccessReport,
  createMicrositeLink,
  type Database,
  defaultLinkTtlDays,
  enqueueEmail,
  generatedAccessReport,
  linkPlaceholder,
  markAccessReportSent,
} from "@purposeful/db";
import { calendarDateAt, checkReportAttachment, formatCalendarDate } from "@purposeful/domain";
import { renderEmail } from "../render.ts";
import { companyForMail, loadRecipient } from "./recipient.ts";

/**
 * Issue 10 #4: sends a generated access report to the person: a notice to their primary address with
 * a personal download link (256-bit token derived from LINK_SECRET at dispatch, only its hash
 * stored, 14 days, revocable, revoked with the address), queued through the outbox in the caller's
 * transaction; the report is marked sent and audited. The PDF itself never travels in the mail.
 */
export async function sendAccessReportNotice(
  trx: Database,
  input: { reportId: string; micrositeUrl: string; linkSecret: string; staffUserId: string; at: Date },
): Promise<{ linkId: string; outboxMessageId: string | null }> {
  const report = await generatedAccessReport(trx, input.reportId);
  const recipient = await loadRecipient(trx, report.personId, "request_answer");
  const link = await createMicrositeLink(trx, {
    personId: recipient.personId,
    kind: "report_download",
    at: input.at,
    secret: input.linkSecret,
    personEmailId: recipient.emailId,
    accessReportId: report.id,
  });
  const validUntil = formatCalendarDate(
    calendarDateAt(new Date(input.at.getTime() + defaultLinkTtlDays.report_download * 86_400_000)),
  );
  // The report's language, which the DPO chose when generating it.
  const language = report.language;
  const props = {
    company: await companyForMail(trx),
    salutationName: recipient.salutationName,
    validUntil,
    downloadUrl: `${input.micrositeUrl}/${language}/r/${linkPlaceholder(link.id)}`,
  };
  const mail = await renderEmail("access-report-notice", props, language);
  const outboxMessageId = await enqueueEmail(trx, {
    idempotencyKey: `access-report-notice:${link.id}`,
    personId: recipient.personId,
    to: recipient.email,
    template: "access-report-notice",
    language,
    props: { linkId: link.id, reportId: report.id, validUntil },
    ...mail,
    at: input.at,
  });
  await markAccessReportSent(
    trx,
    { reportId: report.id, delivery: "link", emailId: recipient.emailId },
    { staffUserId: input.staffUserId, at: input.at },
  );
  return { linkId: link.id, outboxMessageId };
}

/**
 * Issue 10 #4, the warned option: sends a generated access report with its PDF attached, which the DPO
 * chooses knowingly over the download link (mail is rarely end-to-end encrypted). Refused for a
 * report that attaches documents (they go as a ZIP by link) or whose PDF is too large for a mail
 * (`checkReportAttachment`). The outbox row holds the document's id, never its bytes; the report is
 * marked sent (delivery `attachment`) and audited, in the caller's transaction.
 */
export async function sendAccessReportAttached(
  trx: Database,
  input: { reportId: string; staffUserId: string; at: Date },
): Promise<{ outboxMessageId: string | null }> {
  const report = await attachableAccessReport(trx, input.reportId);
  checkReportAttachment(report);
  const recipient = await loadRecipient(trx, report.personId, "request_answer");
  const language = report.language;
  const generatedOn = formatCalendarDate(calendarDateAt(report.generatedAt ?? input.at));
  const props = {
    company: await companyForMail(trx),
    salutationName: recipient.salutationName,
    generatedOn,
    fileName: report.fileName,
  };
  const mail = await renderEmail("access-report-attached", props, language);
  const outboxMessageId = await enqueueEmail(trx, {
    // Every send is a mail of its own (sending again is a new decision of the DPO).
    idempotencyKey: `access-report-attached:${report.id}:${randomUUID()}`,
    personId: recipient.personId,
    to: recipient.email,
    template: "access-report-attached",
    language,
    props: { reportId: report.id, documentId: report.documentId, generatedOn },
    ...mail,
    attachmentDocumentId: report.documentId,
    at: input.at,
  });
  await markAccessReportSent(
    trx,
    { reportId: report.id, delivery: "attachment", emailId: recipient.emailId },
    { staffUserId: input.staffUserId, at: input.at },
  );
  return { outboxMessageId };
}
