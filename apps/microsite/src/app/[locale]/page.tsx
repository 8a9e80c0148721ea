import { getLocale, getTranslations } from "next-intl/server";

const rights = ["access", "rectification", "erasure", "restriction", "portability", "objection"] as const;

export default async function LandingPage() {
  const t = await getTranslations("Landing");
  const locale = await getLocale();

  return (
    <article className="space-y-8 leading-relaxed">
      <header className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
        <p className="text-lg">{t("intro")}</p>
      </header>
      <section aria-labelledby="withdraw" className="space-y-2">
        <h2 id="withdraw" className="text-xl font-semibold">
          {t("withdrawHeading")}
        </h2>
        <p>{t("withdraw")}</p>
      </section>
      <section aria-labelledby="rights" className="space-y-2">
        <h2 id="rights" className="text-xl font-semibold">
          {t("rightsHeading")}
        </h2>
        <p>{t("rightsIntro")}</p>
        <ul className="list-disc space-y-1 pl-6">
          {rights.map((right) => (
            <li key={right}>{t(`rights.${right}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="request" className="space-y-2">
        <h2 id="request" className="text-xl font-semibold">
          {t("requestHeading")}
        </h2>
        <p>{t("request")}</p>
        <p>
          <a href={`/${locale}/request`} className="font-semibold text-blue-800 underline">
            {t("requestLink")}
          </a>
        </p>
      </section>
      <section
        aria-labelledby="expiry"
        className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4"
      >
        <h2 id="expiry" className="text-xl font-semibold">
          {t("expiryHeading")}
        </h2>
        <p>{t("expiry")}</p>
      </section>
      <p className="text-sm text-slate-700">{t("noCookies")}</p>
    </article>
  );
}
