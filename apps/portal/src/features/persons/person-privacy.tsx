import { getFormatter, getTranslations } from "next-intl/server";
import { getServerCaller } from "../../server/caller";
import { ClearRetentionDate, RestrictionDialog, RetentionDateDialog } from "./person-privacy-actions";
import { PersonSection, type PersonView } from "./person-section";

/**
 * Restriction of processing (Art. 18 GDPR) and the retention date, near the top of the person page:
 * a restricted person shows a badge with the reason and since when; the computed retain-until
 * ("computed from the records") next to a date set by hand (by whom, when, why).
 */
export async function PersonPrivacy({ view }: { view: PersonView }) {
  const t = await getTranslations("privacy");
  const format = await getFormatter();
  const { caller } = await getServerCaller();
  const privacy = await caller.persons.privacy({ personId: view.person.id });
  const personId = view.person.id;
  const erased = view.person.erasedLevel >= 3;
  // Calendar days: read and printed in UTC so no time zone shifts them.
  const day = (value: string) =>
    format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  return (
    <PersonSection id="privacy" title={t("title")} testId="person-privacy">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2" data-testid="restriction">
          {privacy.restricted ? (
            <div className="space-y-1 rounded border border-red-300 bg-red-50 p-3 text-red-950">
              <p>
                <span
                  data-testid="restriction-badge"
                  className="inline-flex items-center gap-1 rounded-full bg-red-700 px-3 py-1 text-sm font-semibold text-white"
                >
                  <span aria-hidden="true">⛔</span>
                  {t("restrictedBadge")}
                </span>
              </p>
              {privacy.restrictedAt && (
                <p className="text-sm" data-testid="restriction-since">
                  {t("restrictedSince", {
                    date: format.dateTime(privacy.restrictedAt, { dateStyle: "long" }),
                  })}
                </p>
              )}
              <p className="whitespace-pre-wrap text-sm" data-testid="restriction-reason">
                {t("reasonIs", { reason: privacy.restrictionReason ?? "—" })}
              </p>
              <p className="text-sm">{t("restrictedExplanation")}</p>
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t("notRestricted")}</p>
          )}
          {!erased && <RestrictionDialog personId={personId} restricted={privacy.restricted} />}
        </div>
        <div className="space-y-2" data-testid="retention">
          <h3 className="text-sm font-semibold text-slate-700">{t("retentionTitle")}</h3>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium text-slate-600">{t("computed")}</dt>
              <dd
                data-testid="retention-computed"
                className={privacy.manual ? "text-slate-500 line-through" : ""}
              >
                {privacy.retainUntil ? day(privacy.retainUntil) : t("computedNone")}
              </dd>
            </div>
            {privacy.manual && (
              <div>
                <dt className="font-medium text-slate-600">{t("manual")}</dt>
                <dd data-testid="retention-manual" className="space-y-1">
                  <p className="font-semibold text-slate-900">{day(privacy.manual.until)}</p>
                  <p className="text-slate-700">
                    {privacy.manual.setAt
                      ? privacy.manual.setBy
                        ? t("manualBy", {
                            name: privacy.manual.setBy,
                            date: format.dateTime(privacy.manual.setAt, { dateStyle: "medium" }),
                          })
                        : t("manualOn", {
                            date: format.dateTime(privacy.manual.setAt, { dateStyle: "medium" }),
                          })
                      : t("manualSet")}
                  </p>
                  <p className="whitespace-pre-wrap text-slate-700">
                    {t("reasonIs", { reason: privacy.manual.reason })}
                  </p>
                  <p className="text-slate-600">{t("manualApplies")}</p>
                </dd>
              </div>
            )}
          </dl>
          {!erased && (
            <div className="flex flex-wrap gap-2">
              <RetentionDateDialog personId={personId} current={privacy.manual?.until ?? null} />
              {privacy.manual && <ClearRetentionDate personId={personId} />}
            </div>
          )}
        </div>
      </div>
    </PersonSection>
  );
}
