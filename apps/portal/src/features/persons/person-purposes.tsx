import { getFormatter, getTranslations } from "next-intl/server";
import {
  NoEntries,
  PersonSection,
  PersonTable,
  type PersonView,
  recordSince,
  tdClass,
  ValidityMark,
} from "./person-section";

export async function PersonPurposes({ view }: { view: PersonView }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium" }) : "—");
  return (
    <PersonSection id="purposes" title={t("person.purposes")}>
      {view.records.length === 0 ? (
        <NoEntries text={t("person.noPurposes")} />
      ) : (
        <PersonTable
          head={[
            t("person.purpose"),
            t("person.basis"),
            t("person.state"),
            t("person.source"),
            t("person.since"),
            t("person.validUntil"),
            t("person.version"),
            t("person.validity"),
          ]}
        >
          {view.records.map((record) => {
            const outdated =
              record.purposeVersion !== null && record.purposeVersion < record.purposeCurrentVersion;
            return (
              <tr
                key={record.id}
                data-valid={record.valid}
                className={record.valid ? undefined : "bg-red-50"}
              >
                <td className={`${tdClass} font-medium`}>{record.purposeName ?? record.purposeKey}</td>
                <td className={tdClass}>
                  {t("person.basisWithArticle", {
                    basis: t(`legalBases.${record.legalBasis}`),
                    article: record.legalBasisArticle,
                  })}
                </td>
                <td className={tdClass}>{t(`states.${record.state}`)}</td>
                <td className={tdClass}>{t(`sources.${record.source}`)}</td>
                <td className={`${tdClass} whitespace-nowrap`}>{date(recordSince(record))}</td>
                <td className={`${tdClass} whitespace-nowrap`}>{date(record.validUntil)}</td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {record.purposeVersion === null
                    ? "—"
                    : t("person.versionOf", {
                        version: record.purposeVersion,
                        current: record.purposeCurrentVersion,
                      })}
                  {outdated && <span className="sr-only">{` ${t("person.versionOutdated")}`}</span>}
                  {outdated && (
                    <span
                      aria-hidden="true"
                      className="ml-1 text-amber-800"
                      title={t("person.versionOutdated")}
                    >
                      ⚠
                    </span>
                  )}
                </td>
                <td className={tdClass}>
                  <ValidityMark
                    valid={record.valid}
                    label={record.valid ? t("person.valid") : t("person.notValid")}
                  />
                  {!record.valid && <p className="text-xs text-red-900">{t(`reasons.${record.reason}`)}</p>}
                  {record.legalBasis === "consent" &&
                    ["granted", "confirmed"].includes(record.state) &&
                    !record.evidenceCount && (
                      <p className="text-xs font-medium text-amber-800" data-testid="no-evidence">
                        ⚠ {t("consent.noEvidence")}
                      </p>
                    )}
                </td>
              </tr>
            );
          })}
        </PersonTable>
      )}
    </PersonSection>
  );
}
