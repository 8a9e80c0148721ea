import { DomainError, type Language, type ReportDelivery } from "@purposeful/domain";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import { storeDocument } from "../consent/documents.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";

export interface AccessReportRow {
  id: string;
  language: Language;
  status: "requested" | "generated" | "sent";
  templateId: string | null;
  templateName: string | null;
  requestedBy: string | null;
  requestedAt: Date | null;
  generatedBy: string | null;
  generatedAt: Date | null;
  documentId: string | null;
  /** how many documents come with the report (then it goes by link only) */
  attachedDocuments: number;
  delivery: ReportDelivery | null;
  sentAt: Date | null;
  downloadedAt: Date | null;
  createdAt: Date;
}

/** A person's access reports, newest first. */
export async function listAccessReports(db: Database, personId: string): Promise<AccessReportRow[]> {
  if (!isUuid(personId)) return [];
  return db
    .selectFrom("accessReport as r")
    .leftJoin("reportTemplate as t", "t.id", "r.templateId")
    .select([
      "r.id",
      "r.language",
      "r.status",
      "r.templateId",
      "t.name as templateName",
      "r.requestedBy",
      "r.requestedAt",
      "r.generatedBy",
      "r.generatedAt",
      "r.documentId",
      sql<number>`cardinality(r.attached_document_ids)`.as("attachedDocuments"),
      "r.delivery",
      "r.sentAt",
      "r.downloadedAt",
      "r.createdAt",
    ])
    .where("r.personId", "=", personId)
    .orderBy("r.createdAt", "desc")
    .orderBy("r.id")
    .execute();
}

/**
 * Staff ask for a report for the DPO to approve and generate (the DPO decides what leaves the house,
 * Art. 15(4)); audited. Returns the report's id.
 */
export async function requestAccessReport(
  trx: Database,
  input: { personId: string; language?: Language | null; templateId: string | null },
  by: { staffUserId: string; at: Date },
): Promise<string> {
  const person = await assertPerson(trx, input.personId);
  const language = input.language ?? person.preferredLanguage;
  const row = await trx
    .insertInto("accessReport")
    .values({
      personId: input.personId,
      language,
      templateId: input.templateId,
      status: "requested",
      requestedBy: by.staffUserId,
      requestedAt: by.at,
      createdAt: by.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: { type: "staff", id: by.staffUserId },
    action: "access_report.requested",
    entityType: "access_report",
    entityId: row.id,
    personId: input.personId,
    changes: { language, templateId: input.templateId },
    at: by.at,
  });
  return row.id;
}

/**
 * Keeps a generated report: the PDF as a document of the person (kind `report`), the report row
 * (`reportId` approves a requested one, else a new row) with the documents it attaches (those it
 * lists, when its template attaches documents; each must be the person's), an audit event. One
 * transaction.
 */
export async function recordGeneratedAccessReport(
  trx: Database,
  input: {
    personId: string;
    reportId: string | null;
    language: Language;
    templateId: string;
    pdf: Uint8Array;
    fileName: string;
    attachedDocumentIds: readonly string[];
    /** the request case it answers (issue 11): the report is linked to it, its document too */
    requestId?: string | null;
  },
  by: { staffUserId: string; at: Date },
): Promise<{ reportId: string; documentId: string }> {
  await assertPerson(trx, input.personId);
  const requestId = input.requestId ?? null;
  if (requestId !== null) {
    const linked = isUuid(requestId)
      ? await trx
          .selectFrom("caseLink")
          .select("id")
          .where("requestId", "=", requestId)
          .where("personId", "=", input.personId)
          .executeTakeFirst()
      : undefined;
    // A report answers a case only of the person it is about.
    if (!linked) throw new DomainError("not_found", "request_not_found");
  }
  const attachedDocumentIds = [...input.attachedDocumentIds];
  if (attachedDocumentIds.length > 0) {
    const own = await trx
      .selectFrom("document")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("personId", "=", input.personId)
      .where("id", "in", attachedDocumentIds)
      .executeTakeFirstOrThrow();
    // Only ids read from this person's documents reach here; anything else is a programming error.
    if (Number(own.n) !== new Set(attachedDocumentIds).size)
      throw new Error("attached documents must be the person's own");
  }
  const documentId = await storeDocument(trx, {
    personId: input.personId,
    kind: "report",
    fileName: input.fileName,
    contentType: "application/pdf",
    content: input.pdf,
    actor: { type: "staff", id: by.staffUserId },
    at: by.at,
  });
  const generated = {
    status: "generated" as const,
    language: input.language,
    templateId: input.templateId,
    generatedBy: by.staffUserId,
    generatedAt: by.at,
    documentId,
    attachedDocumentIds,
    ...(requestId ? { requestId } : {}),
  };
  let reportId = input.reportId;
  if (reportId) {
    if (!isUuid(reportId)) throw new DomainError("not_found", "access_report_not_found");
    const updated = await trx
      .updateTable("accessReport")
      .set(generated)
      .where("id", "=", reportId)
      .where("personId", "=", input.personId)
      .where("status", "=", "requested")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new DomainError("not_found", "access_report_not_found");
  } else {
    const row = await trx
      .insertInto("accessReport")
      .values({ personId: input.personId, createdAt: by.at, ...generated })
      .returning("id")
      .executeTakeFirstOrThrow();
    reportId = row.id;
  }
  if (requestId)
    await trx.insertInto("caseLink").values({ requestId, documentId, createdAt: by.at }).execute();
  await recordAudit(trx, {
    actor: { type: "staff", id: by.staffUserId },
    action: "access_report.generated",
    entityType: "access_report",
    entityId: reportId,
    personId: input.personId,
    changes: {
      language: input.language,
      templateId: input.templateId,
      documentId,
      attachedDocuments: attachedDocumentIds.length,
    },
    at: by.at,
  });
  return { reportId, documentId };
}

async function assertPerson(db: Database, personId: string): Promise<{ preferredLanguage: Language }> {
  if (!isUuid(personId)) throw new DomainError("not_found", "person_not_found");
  const person = await db
    .selectFrom("person")
    .select("preferredLanguage")
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  return person;
}

/**
 * Records that a generated report went out (`link`: a notice with a download link; `attachment`:
 * the PDF attached, which the DPO chose knowingly), audited. Refuses a report that is not generated.
 */
export async function markAccessReportSent(
  trx: Database,
  input: { reportId: string; delivery: ReportDelivery; emailId: string },
  by: { staffUserId: string; at: Date },
): Promise<void> {
  const row = await trx
    .updateTable("accessReport")
    .set({
      status: "sent",
      delivery: input.delivery,
      sentBy: by.staffUserId,
      sentAt: by.at,
      sentToEmailId: input.emailId,
    })
    .where("id", "=", input.reportId)
    .where("status", "in", ["generated", "sent"])
    .returning("personId")
    .executeTakeFirst();
  if (!row) throw new DomainError("not_found", "access_report_not_found");
  await recordAudit(trx, {
    actor: { type: "staff", id: by.staffUserId },
    action: "access_report.sent",
    entityType: "access_report",
    entityId: input.reportId,
    personId: row.personId,
    changes: { delivery: input.delivery },
    at: by.at,
  });
}

/** A generated report of a person (for sending): its document and language; DomainError when none. */
export async function generatedAccessReport(
  db: Database,
  reportId: string,
): Promise<{ id: string; personId: string; language: Language; documentId: string }> {
  if (!isUuid(reportId)) throw new DomainError("not_found", "access_report_not_found");
  const row = await db
    .selectFrom("accessReport")
    .select(["id", "personId", "language", "documentId"])
    .where("id", "=", reportId)
    .where("status", "in", ["generated", "sent"])
    .executeTakeFirst();
  if (!row?.documentId) throw new DomainError("not_found", "access_report_not_found");
  return { ...row, documentId: row.documentId };
}

/** A report asked for by staff and not yet generated (for the DPO's approval); null when there is none. */
export async function requestedAccessReport(
  db: Database,
  reportId: string,
): Promise<{ personId: string; language: Language; templateId: string | null } | null> {
  if (!isUuid(reportId)) return null;
  const row = await db
    .selectFrom("accessReport")
    .select(["personId", "language", "templateId"])
    .where("id", "=", reportId)
    .where("status", "=", "requested")
    .executeTakeFirst();
  return row ?? null;
}
