import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { checkReportAttachment, maxReportAttachmentBytes } from "./report-delivery.ts";

const reason = (report: { sizeBytes: number; attachedDocuments: number }) => {
  try {
    checkReportAttachment(report);
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.reason : String(error);
  }
};

describe("a report as an e-mail attachment", () => {
  it("goes up to 10 MB, not a byte more", () => {
    expect(reason({ sizeBytes: maxReportAttachmentBytes, attachedDocuments: 0 })).toBeNull();
    expect(reason({ sizeBytes: maxReportAttachmentBytes + 1, attachedDocuments: 0 })).toBe(
      "report_too_large_for_email",
    );
  });

  it("never when the report attaches documents of its own: those go by link", () => {
    expect(reason({ sizeBytes: 1000, attachedDocuments: 1 })).toBe("report_attachments_need_link");
    // The reason that asks for the link wins: a smaller PDF would not help.
    expect(reason({ sizeBytes: maxReportAttachmentBytes + 1, attachedDocuments: 2 })).toBe(
      "report_attachments_need_link",
    );
  });
});
