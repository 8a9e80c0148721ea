import { getTranslations } from "next-intl/server";
import { type PersonRecordView, PersonSection, type PersonView, ValidityMark } from "./person-section";

interface PurposeLine {
  purposeId: string;
  name: string;
  records: PersonRecordView[];
  valid: boolean;
  reason: PersonRecordView["reason"];
}

/** One line per purpose: the light is decided per purpose, even where a purpose has several records. */
function groupByPurpose(records: PersonView["records"]): PurposeLine[] {
  const lines = new Map<string, PurposeLine>();
  for (const record of records) {
    const line = lines.get(record.purposeId);
    if (line) line.records.push(record);
    else
      lines.set(record.purposeId, {
        purposeId: record.purposeId,
        name: record.purposeName ?? record.purposeKey,
        records: [record],
        valid: record.valid,
        reason: record.reason,
      });
  }
  return [...lines.values()];
}

export async function PersonLightExplanation({ view }: { view: PersonView }) {
  const t = await getTranslations();
  const lines = groupByPurpose(view.records);
  // Purposes the controller no longer pursues do not colour the light (see the domain rule).
  const counted = lines.filter((line) => line.reason !== "purpose_inactive");
  const validCount = counted.filter((line) => line.valid).length;

  // The light's reason comes from the domain rule; the counts only fill in the sentence.
  const summary = {
    no_purpose: lines.length === 0 ? t("person.noPurposes") : t("person.noActivePurposes"),
    all_valid: t("person.allValid"),
    some_valid: t("person.someValid", { valid: validCount, total: counted.length }),
    none_valid: t("person.noneValid", { total: counted.length }),
  }[view.light.reason];

  return (
    <PersonSection id="light-explanation" title={t("person.whyLight")} testId="light-explanation">
      <p className="mb-3 text-slate-800" data-testid="light-summary">
        {summary}
      </p>
      {lines.length > 0 && (
        <ul className="space-y-2">
          {lines.map((line) => (
            <li
              key={line.purposeId}
              data-valid={line.valid}
              className={`rounded border px-3 py-2 text-sm ${
                line.valid ? "border-slate-200" : "border-red-300 bg-red-50"
              }`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium text-slate-900">{line.name}</span>
                <ValidityMark
                  valid={line.valid}
                  label={line.valid ? t("person.valid") : t("person.notValid")}
                />
              </div>
              {line.records.map((record) => (
                <p key={record.id} className="text-slate-700">
                  {t("person.basisWithArticle", {
                    basis: t(`legalBases.${record.legalBasis}`),
                    article: record.legalBasisArticle,
                  })}
                  {" · "}
                  {t(`states.${record.state}`)}
                </p>
              ))}
              {!line.valid && <p className="text-red-900">{t(`reasons.${line.reason}`)}</p>}
              {line.reason === "purpose_inactive" && (
                <p className="text-slate-600">{t("person.notCounted")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </PersonSection>
  );
}
