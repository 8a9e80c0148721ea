import {
  composeAccessReport,
  getReportTemplate,
  listAccessReports,
  listReportTemplates,
  recordGeneratedAccessReport,
  requestAccessReport,
  requestedAccessReport,
  revokeAccessReportLinks,
  saveReportTemplate,
  staffUserNames,
} from "@purposeful/db";
import type { Language } from "@purposeful/domain";
import { renderAccessReportPdf, sendAccessReportAttached, sendAccessReportNotice } from "@purposeful/emails";
import { env, linkSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import {
  generateInput,
  personIdInput,
  previewInput,
  reportIdInput,
  requestInput,
  saveTemplateInput,
  sendInput,
  templateIdInput,
} from "./access-reports.schema";

/** The report's file name: the language's word for it and the day, never the person's name. */
const fileNameOf = (language: Language, at: Date) =>
  `${language === "de" ? "auskunft-art-15" : "access-report-art-15"}-${at.toISOString().slice(0, 10)}.pdf`;

/**
 * Access reports (Art. 15 GDPR, issue 10). The DPO (and the admin) preview and generate them and edit
 * the templates; other staff may ask for one, which the DPO then generates (Art. 15(4): the DPO
 * decides what leaves the house). The report's content is the domain's `buildAccessReport`.
 */
export const accessReportsRouter = router({
  templates: procedureFor("staff").query(({ ctx }) => listReportTemplates(ctx.db)),

  template: procedureFor("dpo")
    .input(templateIdInput)
    .query(({ ctx, input }) => getReportTemplate(ctx.db, input.templateId)),

  /** Saves a template; one that hides a section Art. 15(1) requires is refused with the reason. */
  saveTemplate: procedureFor("dpo")
    .input(saveTemplateInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) => saveReportTemplate(trx, input, { staffUserId: ctx.user.id, at: ctx.now() })),
    ),

  /** The report as it would be generated now (nothing is stored). */
  preview: procedureFor("dpo")
    .input(previewInput)
    .query(({ ctx, input }) => composeAccessReport(ctx.db, { ...input, now: ctx.now() })),

  /** The person's reports, newest first, with who asked and who generated them. */
  list: procedureFor("staff")
    .input(personIdInput)
    .query(async ({ ctx, input }) => {
      const reports = await listAccessReports(ctx.db, input.personId);
      const names = await staffUserNames(
        ctx.db,
        reports.flatMap((r) => [r.requestedBy, r.generatedBy].filter((id): id is string => id !== null)),
      );
      return reports.map((r) => ({
        ...r,
        requestedByName: r.requestedBy ? (names.get(r.requestedBy) ?? null) : null,
        generatedByName: r.generatedBy ? (names.get(r.generatedBy) ?? null) : null,
      }));
    }),

  /** Staff ask the DPO for a report. */
  request: procedureFor("staff")
    .input(requestInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          requestAccessReport(
            trx,
            { personId: input.personId, language: input.language, templateId: input.templateId ?? null },
            { staffUserId: ctx.user.id, at: ctx.now() },
          ),
        ),
    ),

  /**
   * Generates the PDF and keeps it as the person's document, in one transaction with its audit
   * event; rendering happens before the transaction opens, so no lock waits on it.
   */
  generate: procedureFor("dpo")
    .input(generateInput)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      // Approving a request: its language and template unless the DPO chose others.
      const requested = input.reportId ? await requestedAccessReport(ctx.db, input.reportId) : null;
      const { report, template } = await composeAccessReport(ctx.db, {
        personId: input.personId,
        templateId: input.templateId ?? requested?.templateId,
        language: input.language ?? requested?.language,
        now,
      });
      const pdf = await renderAccessReportPdf(report);
      return ctx.db.transaction().execute((trx) =>
        recordGeneratedAccessReport(
          trx,
          {
            personId: input.personId,
            reportId: input.reportId ?? null,
            language: report.language,
            templateId: template.id,
            pdf,
            fileName: fileNameOf(report.language, now),
            attachedDocumentIds: report.attachDocuments ? report.copy.documents.map((d) => d.id) : [],
            requestId: input.requestId ?? null,
          },
          { staffUserId: ctx.user.id, at: now },
        ),
      );
    }),

  /**
   * Sends a generated report to the person's primary address, through the outbox, in one transaction
   * with the report's "sent" and its audit event: by default a notice with a personal download link;
   * `attachment` (the DPO confirmed the warning) mails the PDF itself.
   */
  send: procedureFor("dpo")
    .input(sendInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((trx) =>
        input.delivery === "attachment"
          ? sendAccessReportAttached(trx, {
              reportId: input.reportId,
              staffUserId: ctx.user.id,
              at: ctx.now(),
            })
          : sendAccessReportNotice(trx, {
              reportId: input.reportId,
              micrositeUrl: env.MICROSITE_URL,
              linkSecret: linkSecret(),
              staffUserId: ctx.user.id,
              at: ctx.now(),
            }),
      ),
    ),

  /** Revokes the report's download links (a link mailed by mistake): they get the generic page. */
  revokeLinks: procedureFor("dpo")
    .input(reportIdInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          revokeAccessReportLinks(trx, input.reportId, { staffUserId: ctx.user.id, at: ctx.now() }),
        ),
    ),
});
