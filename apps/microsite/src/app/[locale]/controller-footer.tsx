import { getLocale, getTranslations } from "next-intl/server";
import { getController } from "../../server/controller";

const link = "underline hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-700";

/** On every page: who is responsible (Art. 13(1)(a), (b) GDPR) and the legal notice (§5 DDG). */
export async function ControllerFooter() {
  const t = await getTranslations("Controller");
  const company = await getController();
  const locale = await getLocale();
  return (
    <footer className="border-t border-slate-200" data-testid="controller">
      <div className="mx-auto max-w-2xl space-y-2 px-6 py-6 text-sm text-slate-700">
        {company ? (
          <>
            <p>
              <span className="font-semibold">{t("controller")}</span> {company.name}
              {company.address ? `, ${company.address}` : ""}
            </p>
            {company.privacyContact ? (
              <p>
                {t("privacyContact")}{" "}
                <a href={`mailto:${company.privacyContact}`} className={link}>
                  {company.privacyContact}
                </a>
              </p>
            ) : null}
            {company.privacyNoticeUrl || company.legalNoticeUrl ? (
              <nav aria-label={t("legalNav")} className="flex gap-4">
                {company.privacyNoticeUrl ? (
                  <a href={company.privacyNoticeUrl} className={link}>
                    {t("privacyNotice")}
                  </a>
                ) : null}
                {company.legalNoticeUrl ? (
                  <a href={company.legalNoticeUrl} className={link}>
                    {t("legalNotice")}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </>
        ) : null}
        <p>
          <a href={`/${locale}/request`} className={link}>
            {t("request")}
          </a>
        </p>
        <p>{t("tagline")}</p>
      </div>
    </footer>
  );
}
