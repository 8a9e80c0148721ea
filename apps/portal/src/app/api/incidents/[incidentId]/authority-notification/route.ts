import {
  authorityReportFileName,
  incidentAuthorityReport,
  recordAuthorityReportGenerated,
} from "@purposeful/db";
import { isDomainError, isLanguage } from "@purposeful/domain";
import { renderAuthorityNotificationPdf } from "@purposeful/emails";
import { z } from "zod";
import { staffRoute } from "../../../../../server/route-guard";

/**
 * The notification of a breach to the supervisory authority (Art. 33(3) GDPR) as a PDF the DPO (or
 * the admin) files with the authority, in the staff member's language unless `?lang=de|en`. Holds no
 * personal data of the people affected; audited on the incident (who drew it up, in which language).
 */
export const GET = staffRoute<{ incidentId: string }>("dpo", async (request, { db, user, params }) => {
  const id = z.uuid().safeParse(params.incidentId);
  if (!id.success) return new Response("Not found", { status: 404 });
  const lang = new URL(request.url).searchParams.get("lang");
  if (lang !== null && !isLanguage(lang)) return Response.json({ error: "bad_request" }, { status: 400 });
  const language = lang ?? user.locale;
  const at = new Date();

  const report = await incidentAuthorityReport(db, id.data, at).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") return null;
    throw error;
  });
  if (!report) return new Response("Not found", { status: 404 });
  const pdf = await renderAuthorityNotificationPdf(report, language);
  await db
    .transaction()
    .execute((trx) =>
      recordAuthorityReportGenerated(trx, { incidentId: id.data, language }, { staffUserId: user.id, at }),
    );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `attachment; filename="${authorityReportFileName(report.number)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
