import { exportPortableData } from "@purposeful/db";
import { isDomainError, isLanguage } from "@purposeful/domain";
import { z } from "zod";
import { staffRoute } from "../../../../../server/route-guard";

/**
 * The person's data portability export (Art. 20 GDPR) as a ZIP (export.json, schema.json, one CSV
 * per table, README.txt), for the DPO and the admin, who hand it to the person or, at their request,
 * to another controller (Art. 20(2)). In the person's language unless `?lang=de|en`. Audited.
 */
export const GET = staffRoute<{ personId: string }>("dpo", async (request, { db, user, params }) => {
  const id = z.uuid().safeParse(params.personId);
  if (!id.success) return new Response("Not found", { status: 404 });
  const lang = new URL(request.url).searchParams.get("lang");
  if (lang !== null && !isLanguage(lang)) return Response.json({ error: "bad_request" }, { status: 400 });

  const result = await exportPortableData(db, {
    personId: id.data,
    ...(lang ? { language: lang } : {}),
    actor: { type: "staff", id: user.id },
    at: new Date(),
    via: "portal",
  }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") return null;
    throw error;
  });
  if (!result) return new Response("Not found", { status: 404 });
  return new Response(result.archive, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(result.archive.byteLength),
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
