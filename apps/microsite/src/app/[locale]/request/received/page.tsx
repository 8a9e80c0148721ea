import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { type Locale, routing } from "../../../../i18n/routing";
import { readRequestReceipt } from "../../../../server/request-form";

type ReceivedPageProps = { params: Promise<{ locale: string }> };

const formats = { de: "de-DE", en: "en-GB" } satisfies Record<Locale, string>;

/** After filing: the case number and the due date (Art. 12(3)), from a short-lived cookie. */
export default async function RequestReceivedPage({ params }: ReceivedPageProps) {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Request" });
  const receipt = await readRequestReceipt();
  const due = receipt
    ? new Intl.DateTimeFormat(formats[locale], { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(`${receipt.dueDate}T00:00:00Z`),
      )
    : null;
  return (
    <div className="space-y-6 leading-relaxed">
      <h1 className="text-3xl font-bold tracking-tight">{t("receivedHeading")}</h1>
      {receipt && due ? (
        <dl className="space-y-2 rounded-md border border-green-700 bg-green-50 p-4" data-testid="receipt">
          <div>
            <dt className="font-semibold">{t("caseNumber")}</dt>
            <dd>{receipt.number}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("dueDate")}</dt>
            <dd>{due}</dd>
          </div>
        </dl>
      ) : null}
      <p>{t("received")}</p>
    </div>
  );
}
