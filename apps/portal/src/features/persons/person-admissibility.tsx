import { channels } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import type { createCaller } from "../../server/root";
import { NoEntries, PersonSection, PersonTable, type PersonView, tdClass } from "./person-section";

/** What `persons.admissibility` returns: the domain's verdict per purpose × channel. */
export type AdmissibilityView = Awaited<
  ReturnType<ReturnType<typeof createCaller>["persons"]["admissibility"]>
>;
type Verdict = AdmissibilityView[number]["channels"][number]["verdict"];

/**
 * May we contact the person for each purpose on each of its channels, and why not: one row per
 * purpose, one column per channel; the reason in words below a ✗ (and as a tooltip).
 */
export async function PersonAdmissibility({
  view,
  verdicts,
}: {
  view: PersonView;
  verdicts: AdmissibilityView;
}) {
  const t = await getTranslations();
  const used = channels.filter((channel) =>
    verdicts.some((row) => row.channels.some((c) => c.channel === channel)),
  );
  const names = new Map(view.records.map((record) => [record.purposeId, record.purposeName]));
  const reasonText = (verdict: Verdict) => {
    const reason = verdict.reason;
    if (reason === "admissible" || reason === "no_record" || reason === "channel_not_covered")
      return t(`contactLaw.${reason}`);
    return t(`reasons.${reason}`);
  };
  return (
    <PersonSection id="admissibility" title={t("contactLaw.title")} testId="admissibility">
      <p className="mb-3 text-sm text-slate-600">
        {t("contactLaw.intro", { partyType: t(`contactLaw.partyTypes.${view.person.partyType}`) })}
      </p>
      {verdicts.length === 0 ? (
        <NoEntries text={t("person.noPurposes")} />
      ) : (
        <PersonTable head={[t("person.purpose"), ...used.map((channel) => t(`channels.${channel}`))]}>
          {verdicts.map((row) => (
            <tr key={row.purposeId} data-purpose={row.purposeKey}>
              <td className={`${tdClass} font-medium`}>{names.get(row.purposeId) ?? row.purposeKey}</td>
              {used.map((channel) => {
                const cell = row.channels.find((c) => c.channel === channel);
                if (!cell)
                  return (
                    <td
                      key={channel}
                      className={`${tdClass} text-slate-400`}
                      aria-label={t("contactLaw.channel_not_covered")}
                    >
                      —
                    </td>
                  );
                const text = reasonText(cell.verdict);
                return (
                  <td
                    key={channel}
                    title={text}
                    data-channel={channel}
                    data-admissible={cell.verdict.admissible}
                    data-reason={cell.verdict.reason}
                    className={`${tdClass} ${cell.verdict.admissible ? "text-green-800" : "bg-red-50 text-red-900"}`}
                  >
                    <span aria-hidden="true" className="font-semibold">
                      {cell.verdict.admissible ? "✓" : "✗"}
                    </span>{" "}
                    <span className={cell.verdict.admissible ? "sr-only" : "text-xs"}>{text}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </PersonTable>
      )}
    </PersonSection>
  );
}
