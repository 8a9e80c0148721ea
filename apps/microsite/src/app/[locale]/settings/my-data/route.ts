import { hasLocale } from "next-intl";
import { routing } from "../../../../i18n/routing";
import { getDb } from "../../../../server/db";
import { myDataDownload } from "../../../../server/my-data";
import { currentSession } from "../../../../server/session";

export const dynamic = "force-dynamic";

/** The "Download my data" link of the settings page (a plain GET: works without JavaScript). */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const now = new Date();
  // The settings page's own check: the session cookie, then a person that page would show.
  const session = await currentSession(now);
  return myDataDownload(await getDb(), session, { locale, now, headers: request.headers });
}
