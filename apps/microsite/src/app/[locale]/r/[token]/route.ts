import { hitRateLimit, resolveLink, resolveReportDownload } from "@purposeful/db";
import { hasLocale } from "next-intl";
import { routing } from "../../../../i18n/routing";
import { getDb } from "../../../../server/db";
import { tooManyRequestsPage } from "../../../../server/plain-page";
import { REPORT_COOKIE, reportCookieSeconds } from "../../../../server/report-download";
import { isHttps, linkLookupLimit, rateLimitKey } from "../../../../server/request";
import { cookieLine, seeOther } from "../../../../server/see-other";

export const dynamic = "force-dynamic";

/**
 * Issue 10 #4: the download link of an access report, from the notice mail. The token moves into an
 * httpOnly cookie and the browser goes on to `/report`, where the person confirms their address.
 * Unknown, expired, revoked or other links get the same generic page; lookups are rate-limited.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; token: string }> },
) {
  const { locale, token } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const now = new Date();
  const db = await getDb();
  if (!(await hitRateLimit(db, rateLimitKey("link", request.headers), linkLookupLimit, now))) {
    return tooManyRequestsPage(locale);
  }
  const link = await resolveLink(db, token, now);
  const download = link ? await resolveReportDownload(db, link) : null;
  if (!download) return seeOther(`/${locale}/link-invalid`);
  const response = seeOther(`/${locale}/report`);
  const cookie = cookieLine(REPORT_COOKIE, token, {
    maxAge: reportCookieSeconds,
    secure: isHttps(request.headers, request.url),
  });
  response.headers.append("set-cookie", cookie);
  return response;
}
