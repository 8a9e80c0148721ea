import {
  createMicrositeLink,
  type Database,
  defaultLinkTtlDays,
  enqueueEmail,
  generatedAccessReport,
  linkPlaceholder,
  markAccessReportSent,
} from "@purposeful/db";
import { calendarDateAt, formatCalendarDate } from "@purposeful/domain";
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
