import { purposeNames } from "@purposeful/db";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../../i18n/routing";
import { getDb } from "../../../server/db";
import { readFlash } from "../../../server/session";

export default async function ConfirmedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const t = await getTranslations("Confirm");
  const { granted } = await readFlash();
  const names = granted.length > 0 ? [...(await purposeNames(await getDb(), granted, locale)).values()] : [];

  return (
    <div className="space-y-6 leading-relaxed">
      <h1 className="text-3xl font-bold tracking-tight">{t("doneHeading")}</h1>
      <p role="status">{names.length > 0 ? t("done", { names: names.join(", ") }) : t("doneNone")}</p>
      <p>{t("settingsHint")}</p>
    </div>
  );
}
