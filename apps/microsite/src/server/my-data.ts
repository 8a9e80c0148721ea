import {
  type Database,
  exportPortableData,
  getMicrositeSettings,
  type MicrositeSessionInfo,
} from "@purposeful/db";
import type { Language } from "@purposeful/domain";

const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

/**
 * "Download my data" (Art. 20 GDPR): the person's portability ZIP, the same as the DPO gets, with
 * the README and purpose names in the page's language; audited with the person as the actor.
 * `session` is `currentSession()`, and a person the settings page would not show (unknown, erased)
 * gets the same generic page as there. A download started from another site (the Lax session
 * cookie rides along on a top-level link) is sent to the settings page instead: only the person's
 * own click on our page exports, and nothing is logged on a stranger's behalf.
 */
export async function myDataDownload(
  db: Database,
  session: MicrositeSessionInfo | null,
  request: { locale: Language; now: Date; headers: Headers },
): Promise<Response> {
  const { locale, now } = request;
  if (!session) return seeOther(`/${locale}/link-invalid`);
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return seeOther(`/${locale}/settings`);
  const settings = await getMicrositeSettings(db, session.personId, locale, now);
  if (!settings) return seeOther(`/${locale}/link-invalid`);

  const { fileName, archive } = await exportPortableData(db, {
    personId: session.personId,
    language: locale,
    actor: { type: "data_subject", id: session.personId },
    at: now,
    via: "microsite",
  });
  return new Response(archive, {
    headers: {
      "content-type": "application/zip",
      "content-length": String(archive.byteLength),
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
