import {
  type AccessReport,
  buildAccessReport,
  type Language,
  type ReportController,
  type ReportTemplateSettings,
} from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { type CompanySettings, getCompanySettings } from "../repositories/settings.ts";
import { loadAccessReportFacts } from "./access-report-facts.ts";
import { getReportTemplate, type ReportTemplateRow } from "./report-templates.ts";

/** The controller, its DPO and the supervisory authority as the report names them (company settings). */
export function reportControllerOf(settings: CompanySettings): ReportController {
  return {
    name: settings.name,
    address: settings.address,
    email: settings.controllerEmail || settings.privacyContact,
    phone: settings.controllerPhone,
    dpoName: settings.dpoName,
    dpoEmail: settings.dpoEmail,
    dpoAddress: settings.dpoAddress,
    authorityName: settings.authorityName,
    authorityAddress: settings.authorityAddress,
    authorityUrl: settings.authorityUrl,
  };
}

/**
 * The access report of one person as `buildAccessReport` makes it: their facts, the company's
 * controller facts, the template (`templateId`, else the default; `draft` instead of a saved one for
 * the preview of unsaved changes) and the language (the person's preferred one unless given).
 */
export async function composeAccessReport(
  db: Database,
  input: {
    personId: string;
    templateId?: string | null;
    draft?: ReportTemplateSettings;
    language?: Language;
    now: Date;
  },
): Promise<{ report: AccessReport; template: ReportTemplateRow }> {
  const template = await getReportTemplate(db, input.templateId);
  const person = await db
    .selectFrom("person")
    .select("preferredLanguage")
    .where("id", "=", input.personId)
    .executeTakeFirst();
  const language = input.language ?? person?.preferredLanguage ?? "de";
  const [facts, settings] = await Promise.all([
    loadAccessReportFacts(db, input.personId, language),
    getCompanySettings(db),
  ]);
  const report = buildAccessReport(facts, {
    template: input.draft ?? template,
    language,
    controller: reportControllerOf(settings),
    generatedAt: input.now,
  });
  return { report, template };
}
