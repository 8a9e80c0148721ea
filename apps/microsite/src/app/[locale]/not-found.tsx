import { getLocale, getTranslations } from "next-intl/server";

export default async function NotFound() {
  const [t, locale] = await Promise.all([getTranslations("NotFound"), getLocale()]);

  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p>{t("body")}</p>
      <p>
        <a href={`/${locale}`} className="rounded text-blue-800 underline underline-offset-4">
          {t("home")}
        </a>
      </p>
    </div>
  );
}
