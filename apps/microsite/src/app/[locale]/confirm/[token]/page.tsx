import { getTranslations } from "next-intl/server";
import { lookUpLinkForPage, primaryButtonClass } from "../../../../server/link-page";
import { InvalidLink } from "../../link-invalid/invalid-link";
import { confirm } from "./actions";

type ConfirmPageProps = { params: Promise<{ locale: string; token: string }> };

/**
 * The double-opt-in link from the confirmation mail. GET only shows a button: mail scanners and
 * link previews fetch GET links, and such a fetch must not count as the person's confirmation.
 */
export default async function ConfirmPage({ params }: ConfirmPageProps) {
  const { locale: raw, token } = await params;
  const { locale, link } = await lookUpLinkForPage(raw, token);
  if (link?.purpose !== "double_opt_in" || link.usedAt) return <InvalidLink locale={locale} />;

  const t = await getTranslations("Confirm");
  return (
    <div className="space-y-6 leading-relaxed">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p>{t("body")}</p>
      <form method="post" action={confirm}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" className={primaryButtonClass}>
          {t("button")}
        </button>
      </form>
    </div>
  );
}
