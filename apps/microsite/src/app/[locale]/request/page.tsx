import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../../i18n/routing";
import { primaryButtonClass } from "../../../server/link-page";
import { EmailField } from "../email-field";
import { askForRequestLink } from "./actions";

type RequestPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ sent?: string }>;
};

/**
 * A request under Art. 15–21 GDPR without an account (issue 11 #5): the address first, then a link
 * by mail proves it is the person's (Art. 12(6)). After sending, the page says the same thing for
 * every address: "check your inbox".
 */
export default async function RequestPage({ params, searchParams }: RequestPageProps) {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Request" });
  const sent = (await searchParams).sent === "1";
  return (
    <div className="space-y-6 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
        <p>{t("intro")}</p>
      </header>
      {sent ? (
        <section role="status" className="space-y-2 rounded-md border border-green-700 bg-green-50 p-4">
          <h2 className="text-xl font-semibold">{t("sentHeading")}</h2>
          <p>{t("sent")}</p>
        </section>
      ) : (
        <form method="post" action={askForRequestLink} className="space-y-3">
          <input type="hidden" name="locale" value={locale} />
          <EmailField id="request-email" label={t("emailLabel")} />
          <p className="text-sm text-slate-700">{t("emailHint")}</p>
          <button type="submit" className={primaryButtonClass}>
            {t("submit")}
          </button>
        </form>
      )}
    </div>
  );
}
