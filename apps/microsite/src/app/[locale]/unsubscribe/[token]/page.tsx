import { getTranslations } from "next-intl/server";
import { lookUpLinkForPage, primaryButtonClass } from "../../../../server/link-page";
import { InvalidLink } from "../../link-invalid/invalid-link";

type UnsubscribePageProps = { params: Promise<{ locale: string; token: string }> };

/** For people who open the unsubscribe link: one button, posting what RFC 8058 clients post. */
export default async function UnsubscribePage({ params }: UnsubscribePageProps) {
  const { locale: raw, token } = await params;
  const { locale, link } = await lookUpLinkForPage(raw, token);
  if (link?.purpose !== "unsubscribe") return <InvalidLink locale={locale} />;

  const t = await getTranslations("Unsubscribe");
  return (
    <div className="space-y-6 leading-relaxed">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p>{t("body")}</p>
      <form method="post" action={`/u/${encodeURIComponent(token)}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="via" value={locale} />
        <button type="submit" className={primaryButtonClass}>
          {t("button")}
        </button>
      </form>
    </div>
  );
}
