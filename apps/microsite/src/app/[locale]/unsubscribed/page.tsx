import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../../i18n/routing";

export default async function UnsubscribedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const t = await getTranslations("Unsubscribe");
  return (
    <div className="space-y-6 leading-relaxed">
      <h1 className="text-3xl font-bold tracking-tight">{t("doneHeading")}</h1>
      <p role="status">{t("done")}</p>
    </div>
  );
}
