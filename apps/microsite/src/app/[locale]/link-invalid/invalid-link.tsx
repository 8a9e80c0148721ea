import { getTranslations } from "next-intl/server";
import type { Locale } from "../../../i18n/routing";
import { primaryButtonClass } from "../../../server/link-page";
import { EmailField } from "../email-field";
import { requestLink } from "./actions";

/**
 * The one generic answer for every token or session that does not work — unknown, expired,
 * revoked, used up, or another person's: it never says which.
 */
export async function InvalidLink({
  locale,
  sent = false,
  retry,
}: {
  locale: Locale;
  sent?: boolean;
  /** the link was one of the request form's: offer to start the request again */
  retry?: "request";
}) {
  const t = await getTranslations({ locale, namespace: "LinkInvalid" });
  return (
    <div className="space-y-8 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
        <p>{t("body")}</p>
        {retry === "request" ? (
          <p>
            <a href={`/${locale}/request`} className="font-semibold text-blue-800 underline">
              {t("requestAgain")}
            </a>
          </p>
        ) : null}
      </header>
      <section aria-labelledby="new-link" className="space-y-3">
        <h2 id="new-link" className="text-xl font-semibold">
          {t("requestNew")}
        </h2>
        {sent ? (
          <p role="status" className="rounded-md border border-green-700 bg-green-50 p-4">
            {t("sent")}
          </p>
        ) : null}
        <form method="post" action={requestLink} className="space-y-3">
          <input type="hidden" name="locale" value={locale} />
          <EmailField id="new-link-email" label={t("emailLabel")} />
          <button type="submit" className={primaryButtonClass}>
            {t("submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
