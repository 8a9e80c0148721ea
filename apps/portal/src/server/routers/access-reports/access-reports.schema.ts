import {
  activityKinds,
  documentKinds,
  languages,
  reportDeliveries,
  reportSections,
} from "@purposeful/domain";
import { z } from "zod";

// The messages are domain reasons: server/errors.ts shows them in the user's language.
const text = z.string().max(5000);

/** A template as the DPO edits it; `checkReportTemplate` (packages/domain) judges it on saving. */
export const templateInput = z.object({
  name: z.string().trim().min(1, { error: "report_template_invalid" }).max(200),
  sections: z.array(z.enum(reportSections, { error: "report_template_invalid" })).max(reportSections.length),
  internalActivityKinds: z.array(z.enum(activityKinds, { error: "report_template_invalid" })),
  internalDocumentKinds: z.array(z.enum(documentKinds, { error: "report_template_invalid" })),
  attachDocuments: z.boolean(),
  intro: z.object({ de: text.optional(), en: text.optional() }),
  outro: z.object({ de: text.optional(), en: text.optional() }),
  letterhead: z.string().max(2000),
});

export const saveTemplateInput = templateInput.extend({ id: z.uuid().nullable() });
export const templateIdInput = z.object({ templateId: z.uuid() });

export const personIdInput = z.object({ personId: z.uuid() });
const language = z.enum(languages).optional();

/** The report of a person as it would be generated now; `draft` previews unsaved template changes. */
export const previewInput = personIdInput.extend({
  templateId: z.uuid().nullish(),
  language,
  draft: templateInput.omit({ name: true }).optional(),
});

export const requestInput = personIdInput.extend({ templateId: z.uuid().nullish(), language });

/** Generates the PDF (a requested report when `reportId` is given: the DPO's approval). */
export const generateInput = personIdInput.extend({
  templateId: z.uuid().nullish(),
  language,
  reportId: z.uuid().nullish(),
  /** the request case the report answers (issue 11) */
  requestId: z.uuid({ error: "request_not_found" }).nullish(),
});

export const reportIdInput = z.object({ reportId: z.uuid() });

/** Sends a generated report: by link unless the DPO explicitly chose the warned attachment. */
export const sendInput = reportIdInput.extend({ delivery: z.enum(reportDeliveries).default("link") });
