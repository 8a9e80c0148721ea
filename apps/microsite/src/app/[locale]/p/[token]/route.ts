import { hitRateLimit, markLinkUsed, openSession, resolveLink } from "@purposeful/db";
import { hasLocale } from "next-intl";
import { routing } from "../../../../i18n/routing";
import { getDb } from "../../../../server/db";
import { tooManyRequestsPage } from "../../../../server/plain-page";
import { linkLookupLimit, rateLimitKey } from "../../../../server/request";
import { cookieLine, seeOther } from "../../../../server/see-other";
import { SESSION_COOKIE, sessionCookieOptions } from "../../../../server/session";

export const dynamic = "force-dynamic";

/**
 * The personal link from a mail: exchanges the token for a 30-minute session cookie and sends the
 * browser on to the settings page. Unknown, expired, revoked or non-settings tokens all get the
 * same generic page; lookups are rate-limited per truncated address.
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
  if (link?.purpose !== "settings") return seeOther(`/${locale}/link-invalid`);

  const session = await db.transaction().execute(async (trx) => {
    await markLinkUsed(trx, link.id, now);
    return openSession(trx, link.id, link.personId, now);
  });
  const response = seeOther(`/${locale}/settings`);
  const options = await sessionCookieOptions();
  const cookie = cookieLine(SESSION_COOKIE, session.token, {
    maxAge: options.maxAge,
    secure: options.secure,
  });
  response.headers.append("set-cookie", cookie);
  return response;
}
