import { type ReportDownloadLink, resolveLink, resolveReportDownload } from "@purposeful/db";
import { getDb } from "./db";

/**
 * The report download's cookie: the link's token (the mail's bearer secret, as the session cookie is
 * the settings' one), httpOnly, SameSite=Lax, for 30 minutes: enough to confirm the address.
 */
export const REPORT_COOKIE = "pp_report";
export const reportCookieSeconds = 30 * 60;

/** The report download behind the cookie's token, or null (missing, expired, revoked, another kind). */
export async function currentReportDownload(
  token: string | undefined,
  now: Date = new Date(),
): Promise<ReportDownloadLink | null> {
  if (!token) return null;
  const db = await getDb();
  const link = await resolveLink(db, token, now);
  return link ? resolveReportDownload(db, link) : null;
}
