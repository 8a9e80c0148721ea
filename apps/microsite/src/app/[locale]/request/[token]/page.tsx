import { micrositeRequestMessageMax } from "@purposeful/db";
import { requestTypeArticle, requestTypes } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import { lookUpRequestLinkForPage, primaryButtonClass } from "../../../../server/link-page";
import { InvalidLink } from "../../link-invalid/invalid-link";
import { fileRequest } from "./actions";

type RequestFormPageProps = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ error?: string }>;
};

const field =
  "rounded-md border border-slate-500 px-3 py-2 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700";

/**
 * The link from the verification mail: the person chooses what they ask for and writes to us.
 * GET only shows the form; the link is used up when the form is sent (a mail scanner's fetch files
 * nothing). An unknown, expired or used link gets the one generic invalid-link page.
 */
export default async function RequestFormPage({ params, searchParams }: RequestFormPageProps) {
  const { locale: raw, token } = await params;
  const { locale, link } = await lookUpRequestLinkForPage(raw, token);
  if (!link) return <InvalidLink locale={locale} retry="request" />;
  const t = await getTranslations({ locale, namespace: "Request" });
  const { error } = await searchParams;
  return (
    <div className="space-y-6 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("formHeading")}</h1>
        <p>{t("formIntro", { email: link.email })}</p>
      </header>
      {error === "type" || error === "message" ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-4">
          {t(error === "type" ? "errorType" : "errorMessage", { max: micrositeRequestMessageMax })}
        </p>
      ) : null}
      <form method="post" action={fileRequest} className="space-y-6">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <fieldset className="space-y-2">
          <legend className="font-semibold">{t("typeLegend")}</legend>
          {requestTypes.map((type) => (
            <div key={type} className="flex items-start gap-2">
              <input id={`type-${type}`} type="radio" name="type" value={type} required className="mt-1.5" />
              <label htmlFor={`type-${type}`}>
                <span className="font-semibold">{t(`types.${type}.name`)}</span>{" "}
                <span className="text-slate-700">
                  ({t("article", { article: requestTypeArticle[type] })})
                </span>
                <br />
                <span className="text-sm text-slate-700">{t(`types.${type}.hint`)}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor="request-message" className="font-semibold">
            {t("messageLabel")}
          </label>
          <textarea
            id="request-message"
            name="message"
            rows={6}
            maxLength={micrositeRequestMessageMax}
            className={field}
          />
          <p className="text-sm text-slate-700">{t("messageHint", { max: micrositeRequestMessageMax })}</p>
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("file")}
        </button>
      </form>
    </div>
  );
}
