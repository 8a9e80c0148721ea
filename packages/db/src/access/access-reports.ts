import {
  type ActivityKind,
  checkReportTemplate,
  type DocumentKind,
  DomainError,
  type Language,
  type ReportSection,
  type ReportTemplateSettings,
} from "@purposeful/domain";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import { storeDocument } from "../consent/documents.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";

export interface ReportTemplateRow extends ReportTemplateSettings {
  id: string;
  name: string;
  isDefault: boolean;
  updatedAt: Date;
}

const texts = (value: unknown): Partial<Record<Language, string>> => {
  const object = (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown> | null;
  const result: Partial<Record<Language, string>> = {};
  for (const language of ["de", "en"] as const)
    if (typeof object?.[language] === "string") result[language] = object[language] as string;
  return result;
};

const templateColumns = [
  "id",
  "name",
  "isDefault",
  "sections",
  "internalActivityKinds",
  "internalDocumentKinds",
  "attachDocuments",
  "intro",
  "outro",
  "letterhead",
  "updatedAt",
] as const;

function toTemplate(row: {
  id: string;
  name: string;
  isDefault: boolean;
  sections: ReportSection[];
  internalActivityKinds: ActivityKind[];
  internalDocumentKinds: DocumentKind[];
  attachDocuments: boolean;
  intro: unknown;
  outro: unknown;
  letterhead: string;
  updatedAt: Date;
}): ReportTemplateRow {
  return { ...row, intro: texts(row.intro), outro: texts(row.outro) };
}

/** Every report template, the default first. */
export async function listReportTemplates(db: Database): Promise<ReportTemplateRow[]> {
  const rows = await db
    .selectFrom("reportTemplate")
    .select(templateColumns)
    .orderBy("isDefault", "desc")
    .orderBy("name")
    .execute();
  return rows.map(toTemplate);
}

/** The template `id`, or the default one; DomainError report_template_not_found. */
export async function getReportTemplate(db: Database, id?: string | null): Promise<ReportTemplateRow> {
  if (id && !isUuid(id)) throw new DomainError("not_found", "report_template_not_found");
  const row = await db
    .selectFrom("reportTemplate")
    .select(templateColumns)
    .$if(Boolean(id), (q) => q.where("id", "=", id!))
    .$if(!id, (q) => q.where("isDefault", "=", true))
    .executeTakeFirst();
  if (!row) throw new DomainError("not_found", "report_template_not_found");
  return toTemplate(row);
}

export interface ReportTemplateInput extends ReportTemplateSettings {
  name: string;
}

/**
 * Saves a template (new when `id` is null) after `checkReportTemplate` (Art. 15(1): the required
 * sections stay in), audited with what changed. Only a DPO edits templates (the caller checks).
 */
export async function saveReportTemplate(
  trx: Database,
  input: ReportTemplateInput & { id: string | null },
  by: { staffUserId: string; at: Date },
): Promise<string> {
  checkReportTemplate(input);
  const values = {
    name: input.name.trim().slice(0, 200) || "—",
    sections: [...input.sections],
    internalActivityKinds: [...input.internalActivityKinds],
    internalDocumentKinds: [...input.internalDocumentKinds],
    attachDocuments: input.attachDocuments,
    intro: JSON.stringify(input.intro),
    outro: JSON.stringify(input.outro),
    letterhead: input.letterhead.slice(0, 2000),
    updatedAt: by.at,
    updatedBy: by.staffUserId,
  };
  let id = input.id;
  if (id === null) {
    const row = await trx
      .insertInto("reportTemplate")
      .values(values)
      .returning("id")
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    if (!isUuid(id)) throw new DomainError("not_found", "report_template_not_found");
    const updated = await trx
      .updateTable("reportTemplate")
      .set(values)
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new DomainError("not_found", "report_template_not_found");
  }
  await recordAudit(trx, {
    actor: { type: "staff", id: by.staffUserId },
    action: input.id === null ? "report_template.created" : "report_template.updated",
    entityType: "report_template",
    entityId: id,
    changes: {
      name: values.name,
      sections: values.sections,
      internalActivityKinds: values.internalActivityKinds,
      internalDocumentKinds: values.internalDocumentKinds,
      attachDocuments: values.attachDocuments,
    },
    at: by.at,
  });
  return id;
}

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
  delivery: "link" | "attachment" | null;
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
 * (`reportId` approves a requested one, else a new row), an audit event. One transaction.
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
  },
  by: { staffUserId: string; at: Date },
): Promise<{ reportId: string; documentId: string }> {
  await assertPerson(trx, input.personId);
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
  await recordAudit(trx, {
    actor: { type: "staff", id: by.staffUserId },
    action: "access_report.generated",
    entityType: "access_report",
    entityId: reportId,
    personId: input.personId,
    changes: { language: input.language, templateId: input.templateId, documentId },
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
  input: { reportId: string; delivery: "link" | "attachment"; emailId: string },
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

/** What a report's download link opens: the link, its report and the address it was mailed to. */
export interface ReportDownloadLink {
  linkId: string;
  personId: string;
  accessReportId: string;
  /** the address the notice went to; the person confirms it before the file is handed out */
  email: string | null;
  language: Language;
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
    .select(["r.id", "r.language", "r.documentId"])
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
  };
}

/** The same address, as people type it: trimmed, case ignored (the domain part is case-free, and
 * nobody runs mailboxes that differ by case only). */
export const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Hands out the report's PDF after the person confirmed the address (the caller compares with
 * `sameAddress`): the document's content, the first download noted on the report, every download
 * audited with actor data_subject. One transaction.
 */
export async function recordReportDownload(
  trx: Database,
  download: ReportDownloadLink,
  at: Date,
): Promise<{ content: Uint8Array; fileName: string; contentType: string }> {
  const report = await trx
    .updateTable("accessReport")
    .set({ downloadedAt: sql<Date>`coalesce(downloaded_at, ${at})` })
    .where("id", "=", download.accessReportId)
    .returning("documentId")
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
    changes: { linkId: download.linkId },
    at,
  });
  return document;
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
