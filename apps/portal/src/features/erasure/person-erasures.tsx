import { getFormatter, getTranslations } from "next-intl/server";
import type { createCaller } from "../../server/root";
import { NoEntries, PersonSection, PersonTable, tdClass } from "../persons/person-section";
import { MarkNotifiedButton } from "./mark-notified-button";

export type ErasureHistoryView = Awaited<ReturnType<ReturnType<typeof createCaller>["erasure"]["history"]>>;

/** The person's erasures: level, reason, by whom, when, and whether the Art. 19 recipients were told. */
export async function PersonErasures({ erasures }: { erasures: ErasureHistoryView }) {
  const t = await getTranslations("erasure");
  const format = await getFormatter();
  return (
    <PersonSection id="erasures" title={t("history.title")} testId="erasure-history">
      {erasures.length === 0 ? (
        <NoEntries text={t("history.none")} />
      ) : (
        <PersonTable
          head={[
            t("history.when"),
            t("history.level"),
            t("history.reason"),
            t("history.by"),
            t("history.recipients"),
          ]}
        >
          {erasures.map((erasure) => (
            <tr key={erasure.id} data-level={erasure.level}>
              <td className={`${tdClass} whitespace-nowrap`}>
                {format.dateTime(erasure.erasedAt, { dateStyle: "medium", timeStyle: "short" })}
              </td>
              <td className={tdClass}>{erasure.level}</td>
              <td className={tdClass}>
                {t(`reasons.${erasure.reason}`)}
                {erasure.note && <p className="text-xs text-slate-600">{erasure.note}</p>}
              </td>
              <td className={tdClass}>
                {erasure.actorType === "system"
                  ? t("history.system")
                  : (erasure.actorName ?? t("history.unknownStaff"))}
              </td>
              <td className={tdClass}>
                {erasure.recipients.length === 0 ? (
                  t("history.noRecipients")
                ) : (
                  <div className="space-y-1">
                    <p>{erasure.recipients.join(", ")}</p>
                    {erasure.recipientsNotifiedAt ? (
                      <p className="text-green-900" data-testid="erasure-notified">
                        {t("history.notifiedOn", {
                          date: format.dateTime(erasure.recipientsNotifiedAt, { dateStyle: "medium" }),
                        })}
                      </p>
                    ) : (
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="text-amber-900">{t("history.notNotified")}</span>
                        <MarkNotifiedButton erasureId={erasure.id} />
                      </div>
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </PersonTable>
      )}
    </PersonSection>
  );
}
