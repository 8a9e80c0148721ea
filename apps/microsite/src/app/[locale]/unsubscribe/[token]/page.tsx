import { hitRateLimit, resolveLink } from "@purposeful/db";
import { headers } from "next/headers";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../../../i18n/routing";
import { getDb } from "../../../../server/db";
import { linkLookupLimit, rateLimitKey } from "../../../../server/request";
import { InvalidLink } from "../../link-invalid/invalid-link";

type UnsubscribePageProps = { params: Promise<{ locale: string; token: string }> };

/** For people who open the unsubscribe link: one button, posting what RFC 8058 clients post. */
export default async function UnsubscribePage({ params }: UnsubscribePageProps) {
  const { locale: raw, token } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const now = new Date();
  const db = await getDb();
  const allowed = await hitRateLimit(db, rateLimitKey("link", await headers()), linkLookupLimit, now);
  const link = allowed ? await resolveLink(db, token, now) : null;
  if (link?.purpose !== "unsubscribe") return <InvalidLink locale={locale} />;

  const t = await getTranslations("Unsubscribe");
  return (
    <div className="space-y-6 leading-relaxed">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p>{t("body")}</p>
      <form method="post" action={`/u/${encodeURIComponent(token)}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="via" value={locale} />
        <button
          type="submit"
          className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        >
          {t("button")}
        </button>
      </form>
    </div>
  );
}
