import { DomainError } from "../errors.ts";

/**
 * How a generated access report reaches the person: `link`, a notice with a personal download link
 * behind an address confirmation (the default), or `attachment`, the PDF attached to the mail, which
 * the DPO chooses knowingly (Art. 32: mail is rarely end-to-end encrypted, a forwarded copy leaks it).
 */
export const reportDeliveries = ["link", "attachment"] as const;
export type ReportDelivery = (typeof reportDeliveries)[number];

/**
 * The largest report PDF that is mailed as an attachment: 10 MB, counted in decimal like the mail
 * providers do. Resend accepts 40 MB per mail after base64 (which adds a third), but many receiving
 * mailboxes refuse more than 10–25 MB. Documents are stored up to 10 MiB, so the largest PDFs go only
 * by link.
 */
export const maxReportAttachmentBytes = 10_000_000;

/**
 * Whether a report may go as an e-mail attachment. A report that attaches documents of its own is a
 * ZIP behind the download link and cannot go as one PDF (`report_attachments_need_link`); one over
 * `maxReportAttachmentBytes` is refused (`report_too_large_for_email`).
 */
export function checkReportAttachment(report: { sizeBytes: number; attachedDocuments: number }): void {
  if (report.attachedDocuments > 0)
    throw new DomainError(
      "validation",
      "report_attachments_need_link",
      `${report.attachedDocuments} documents`,
    );
  if (report.sizeBytes > maxReportAttachmentBytes)
    throw new DomainError("validation", "report_too_large_for_email", `${report.sizeBytes} bytes`);
}
