import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { EditMasterData } from "./edit-master-data";
import { isAnonymized, PersonSection, type PersonView } from "./person-section";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export async function PersonMasterData({ view }: { view: PersonView }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const { person } = view;
  // A birthday is a calendar date, not an instant: read and print it in UTC so no zone shifts the day.
  const birthday = person.birthday
    ? format.dateTime(new Date(`${person.birthday}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" })
    : "—";
  return (
    <PersonSection id="master-data" title={t("person.masterData")}>
      <dl className="divide-y divide-slate-100">
        <Field label={t("person.salutation")}>{person.salutation ?? "—"}</Field>
        <Field label={t("person.birthday")}>
          {birthday}
          <p
            data-testid="age-check"
            className={`mt-1 text-sm ${view.ageCheck.status === "minor" ? "text-amber-900" : "text-slate-600"}`}
          >
            {view.ageCheck.status === "minor" && <span aria-hidden="true">⚠ </span>}
            {t(`person.ageCheck.${view.ageCheck.status}`, {
              age: view.ageCheck.status === "unknown" ? 16 : view.ageCheck.ageOfConsent,
            })}
          </p>
        </Field>
        <Field label={t("person.language")}>{t(`languages.${person.preferredLanguage}`)}</Field>
        <Field label={t("person.organization")}>{person.organizationName ?? "—"}</Field>
        <Field label={t("person.jobTitle")}>{person.jobTitle ?? "—"}</Field>
        <Field label={t("contactLaw.partyType")}>
          <span data-testid="party-type">{t(`contactLaw.partyTypeOptions.${person.partyType}`)}</span>
        </Field>
        <Field label={t("person.restricted")}>{person.restricted ? t("person.yes") : t("person.no")}</Field>
        <Field label={t("person.dmObjection")}>
          {person.dmObjectionChannels.length === 0
            ? t("person.none")
            : `${person.dmObjectionChannels.map((channel) => t(`channels.${channel}`)).join(", ")}${
                person.dmObjectedAt
                  ? ` · ${t("person.since", { date: format.dateTime(person.dmObjectedAt, { dateStyle: "medium" }) })}`
                  : ""
              }`}
        </Field>
        <Field label={t("person.mailBlocks")}>
          {person.mailBlocks.length === 0
            ? t("person.none")
            : person.mailBlocks.map((channel) => t(`channels.${channel}`)).join(", ")}
        </Field>
      </dl>
      {!isAnonymized(view) && (
        <EditMasterData
          person={{
            id: person.id,
            salutation: person.salutation,
            title: person.title,
            firstName: person.firstName,
            lastName: person.lastName,
            preferredLanguage: person.preferredLanguage,
            birthday: person.birthday,
            jobTitle: person.jobTitle,
            organizationId: person.organizationId,
            organizationName: person.organizationName,
            partyType: person.partyType,
          }}
        />
      )}
    </PersonSection>
  );
}
