import type { AccessReport } from "@purposeful/domain";

/**
 * The access report (Art. 15 GDPR) as a PDF in the report's language, from the model
 * `buildAccessReport` returns. react-pdf lays the whole document out in memory first, so the
 * result is one buffer; a person with 10,000 activities gives several hundred pages.
 */
export async function renderAccessReportPdf(report: AccessReport): Promise<Buffer> {
  // react-pdf takes half a second and ~50 MB to load: only a process that prints reports pays for it.
  const { renderAccessReportDocument } = await import("./access-report-document.tsx");
  return renderAccessReportDocument(report);
}
