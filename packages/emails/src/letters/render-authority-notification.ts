import type { IncidentAuthorityReport } from "@purposeful/db";
import type { Language } from "@purposeful/domain";

/**
 * The notification of a personal data breach to the supervisory authority (Art. 33(3) GDPR) as a
 * PDF in `language`, from the facts `incidentAuthorityReport` loads: the DPO files it with the
 * authority (or copies it into the authority's online form) and records the date notified.
 */
export async function renderAuthorityNotificationPdf(
  report: IncidentAuthorityReport,
  language: Language,
): Promise<Buffer> {
  // react-pdf takes half a second and ~50 MB to load: only a process that prints the report pays for it.
  const { renderAuthorityNotificationDocument } = await import("./authority-notification.tsx");
  return renderAuthorityNotificationDocument(report, language);
}
