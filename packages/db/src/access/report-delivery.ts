import { DomainError, type Language } from "@purposeful/domain";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { generatedAccessReport } from "./access-reports.ts";

/** Revokes every download link of a report (a link mailed by mistake, or a changed address), audited. */
export async function revokeAccessReportLinks(
  trx: Database,
  reportId: string,
  by: { staffUserId: string; at: Date },
): Promise<number> {
  const report = await generatedAccessReport(trx, reportId);
  const revoked = await trx
    .updateTable("micrositeLink")
    .set({ revokedAt: by.at })
    .where("accessReportId", "=", reportId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  const n = Number(revoked.numUpdatedRows);
  await recordAudit(trx, {
    actor: { type: "staff", id: by.staffUserId },
    action: "access_report.links_revoked",
    entityType: "access_report",
    entityId: reportId,
    personId: report.personId,
    changes: { links: n },
    at: by.at,
  });
  return n;
}

/** A generated report with what deciding on its delivery as an attachment needs. */
export interface AttachableAccessReport {
  id: string;
  personId: string;
  language: Language;
  generatedAt: Date | null;
  documentId: string;
  fileName: string;
  sizeBytes: number;
  /** how many documents the report attaches of its own (those go as a ZIP behind the link) */
  attachedDocuments: number;
}

/**
 * A generated report with its PDF's file name and size and the number of documents it attaches, for
 * the domain's `checkReportAttachment`; never the content. DomainError when there is no such report.
 */
export async function attachableAccessReport(
  db: Database,
  reportId: string,
): Promise<AttachableAccessReport> {
  if (!isUuid(reportId)) throw new DomainError("not_found", "access_report_not_found");
  const row = await db
    .selectFrom("accessReport as r")
    .innerJoin("document as d", "d.id", "r.documentId")
    .select([
      "r.id",
      "r.personId",
      "r.language",
      "r.generatedAt",
      "r.documentId",
      "d.fileName",
      "d.sizeBytes",
      sql<number>`cardinality(r.attached_document_ids)`.as("attachedDocuments"),
    ])
    .where("r.id", "=", reportId)
    .where("r.status", "in", ["generated", "sent"])
    .executeTakeFirst();
  if (!row?.documentId) throw new DomainError("not_found", "access_report_not_found");
  return { ...row, documentId: row.documentId, attachedDocuments: Number(row.attachedDocuments) };
}

/** What a report's download link opens: the link, its report and the address it was mailed to. */
export interface ReportDownloadLink {
  linkId: string;
  personId: string;
  accessReportId: string;
  /** the address the notice went to; the person confirms it before the file is handed out */
  email: string | null;
  language: Language;
  /** how many documents come with the report (then the download is a ZIP) */
  attachedDocuments: number;
}

/**
 * Resolves a report download link (a valid, unrevoked, unexpired `report_download` link of a
 * generated report); null otherwise, whatever the reason, so the microsite shows one generic page.
 */
export async function resolveReportDownload(
  db: Database,
  link: {
    id: string;
    personId: string;
    purpose: string;
    accessReportId: string | null;
    personEmailId: string | null;
  },
): Promise<ReportDownloadLink | null> {
  if (link.purpose !== "report_download" || !link.accessReportId) return null;
  const row = await db
    .selectFrom("accessReport as r")
    .select(["r.id", "r.language", "r.documentId", "r.attachedDocumentIds"])
    .where("r.id", "=", link.accessReportId)
    .where("r.personId", "=", link.personId)
    .where("r.status", "in", ["generated", "sent"])
    .executeTakeFirst();
  const email = link.personEmailId
    ? await db
        .selectFrom("personEmail")
        .select("address")
        .where("id", "=", link.personEmailId)
        .executeTakeFirst()
    : undefined;
  if (!row?.documentId) return null;
  return {
    linkId: link.id,
    personId: link.personId,
    accessReportId: row.id,
    email: email?.address ?? null,
    language: row.language,
    attachedDocuments: row.attachedDocumentIds.length,
  };
}

/** The same address, as people type it: trimmed, case ignored (the domain part is case-free, and
 * nobody runs mailboxes that differ by case only). */
export const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The report's PDF and the documents it attaches (read one by one: `reportArchive`). */
export interface ReportFile {
  content: Uint8Array;
  fileName: string;
  contentType: string;
  attachedDocumentIds: string[];
}

/**
 * Hands out the report's PDF after the person confirmed the address (the caller compares with
 * `sameAddress`): the document's content, the first download noted on the report, every download
 * audited with actor data_subject. One transaction.
 */
export async function recordReportDownload(
  trx: Database,
  download: ReportDownloadLink,
  at: Date,
): Promise<ReportFile> {
  const report = await trx
    .updateTable("accessReport")
    .set({ downloadedAt: sql<Date>`coalesce(downloaded_at, ${at})` })
    .where("id", "=", download.accessReportId)
    .returning(["documentId", "attachedDocumentIds"])
    .executeTakeFirst();
  const document = report?.documentId
    ? await trx
        .selectFrom("document")
        .select(["content", "fileName", "contentType"])
        .where("id", "=", report.documentId)
        .executeTakeFirst()
    : undefined;
  if (!document) throw new DomainError("not_found", "access_report_not_found");
  await trx
    .updateTable("micrositeLink")
    .set({ usedAt: sql<Date>`coalesce(used_at, ${at})` })
    .where("id", "=", download.linkId)
    .execute();
  await recordAudit(trx, {
    actor: { type: "data_subject", id: download.personId },
    action: "access_report.downloaded",
    entityType: "access_report",
    entityId: download.accessReportId,
    personId: download.personId,
    changes: { linkId: download.linkId, attachedDocuments: report?.attachedDocumentIds.length ?? 0 },
    at,
  });
  return { ...document, attachedDocumentIds: report?.attachedDocumentIds ?? [] };
}
