import { cookies } from "next/headers";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../../i18n/routing";
import { primaryButtonClass } from "../../../server/link-page";
import { currentReportDownload, REPORT_COOKIE } from "../../../server/report-download";
import { EmailField } from "../email-field";
import { InvalidLink } from "../link-invalid/invalid-link";

export const dynamic = "force-dynamic";

type ReportPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ wrong?: string }>;
};

/**
 * Issue 10 #4: before the access report is handed out, the person confirms the address the notice
 * went to, so a forwarded or misdirected mail alone does not open it. Works without JavaScript.
 */
export default async function ReportPage({ params, searchParams }: ReportPageProps) {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const download = await currentReportDownload((await cookies()).get(REPORT_COOKIE)?.value);
  if (!download) return <InvalidLink locale={locale} />;
  const t = await getTranslations({ locale, namespace: "Report" });
  const wrong = (await searchParams).wrong === "1";
  return (
    <div className="space-y-6 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
        <p>{t("body")}</p>
      </header>
      {wrong ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-4">
          {t("wrongAddress")}
        </p>
      ) : null}
      <form method="post" action={`/${locale}/report/download`} className="space-y-3">
        <EmailField id="report-email" label={t("emailLabel")} />
        <button type="submit" className={primaryButtonClass}>
          {download.attachedDocuments > 0
            ? t("downloadArchive", { count: download.attachedDocuments })
            : t("download")}
        </button>
      </form>
      <p className="text-sm text-slate-700">{t("privacy")}</p>
    </div>
  );
}
