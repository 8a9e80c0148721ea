import {
  type ActivityKind,
  checkReportTemplate,
  type DocumentKind,
  DomainError,
  type Language,
  type ReportSection,
  type ReportTemplateSettings,
} from "@purposeful/domain";
import { recordAudit } from "../audit/record-audit.ts";
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
