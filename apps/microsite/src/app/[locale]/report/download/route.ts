import { hitRateLimit, recordReportDownload, reportArchive, sameAddress } from "@purposeful/db";
import { cookies } from "next/headers";
import { hasLocale } from "next-intl";
import { routing } from "../../../../i18n/routing";
import { getDb } from "../../../../server/db";
import { tooManyRequestsPage } from "../../../../server/plain-page";
import { currentReportDownload, REPORT_COOKIE } from "../../../../server/report-download";
import { isSameOrigin, linkLookupLimit, rateLimitKey } from "../../../../server/request";
import { seeOther } from "../../../../server/see-other";

export const dynamic = "force-dynamic";

/**
 * Issue 10 #4: hands out the access report's PDF (a ZIP with the documents it attaches, when its
 * template attaches them) once the person typed the address the notice went
 * to (compared trimmed and case-insensitively). Every download is audited; a wrong address sends
 * the form back with a generic line (nothing about the right one), and tries count against the same
 * rate limit as link lookups, so the address cannot be guessed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  if (!isSameOrigin(request.headers)) return seeOther(`/${locale}/link-invalid`);
  const now = new Date();
  const db = await getDb();
  if (!(await hitRateLimit(db, rateLimitKey("link", request.headers), linkLookupLimit, now))) {
    return tooManyRequestsPage(locale);
  }
  const download = await currentReportDownload((await cookies()).get(REPORT_COOKIE)?.value, now);
  if (!download) return seeOther(`/${locale}/link-invalid`);
  const form = await request.formData().catch(() => null);
  const email = form?.get("email");
  if (typeof email !== "string" || !download.email || !sameAddress(email, download.email))
    return seeOther(`/${locale}/report?wrong=1`);
  const file = await db.transaction().execute((trx) => recordReportDownload(trx, download, now));
  const headers = (fileName: string) => ({
    "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  if (file.attachedDocumentIds.length === 0) {
    return new Response(new Uint8Array(file.content), {
      headers: {
        ...headers(file.fileName),
        "content-type": file.contentType,
        "content-length": String(file.content.byteLength),
      },
    });
  }
  // With its documents: a ZIP streamed a slice at a time (issue 10 #6), after the audited download.
  const archive = reportArchive(db, {
    personId: download.personId,
    pdf: file.content,
    pdfName: file.fileName,
    documentIds: file.attachedDocumentIds,
    at: now,
  });
  return new Response(archive, {
    headers: { ...headers(file.fileName.replace(/\.pdf$/, ".zip")), "content-type": "application/zip" },
  });
}
