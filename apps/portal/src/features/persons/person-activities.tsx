import { getFormatter, getTranslations } from "next-intl/server";
import { NoEntries, PersonSection, PersonTable, type PersonView, tdClass } from "./person-section";

const bodyPreviewLength = 160;

function preview(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > bodyPreviewLength ? `${flat.slice(0, bodyPreviewLength).trimEnd()}…` : flat;
}

export async function PersonActivities({ view }: { view: PersonView }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <PersonSection id="activities" title={t("person.activities")}>
      {view.activities.length === 0 ? (
        <NoEntries text={t("person.noEntries")} />
      ) : (
        <PersonTable
          head={[
            t("person.kind"),
            t("person.direction"),
            t("person.subject"),
            t("person.date"),
            t("person.staff"),
          ]}
        >
          {view.activities.map((activity) => (
            <tr key={activity.id}>
              <td className={tdClass}>{t(`activityKinds.${activity.kind}`)}</td>
              <td className={tdClass}>
                {activity.direction ? t(`person.directions.${activity.direction}`) : "—"}
              </td>
              <td className={`${tdClass} max-w-md`}>
                <span className="font-medium">{activity.subject}</span>
                {activity.body && <p className="text-slate-600">{preview(activity.body)}</p>}
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {format.dateTime(activity.occurredAt, { dateStyle: "medium", timeStyle: "short" })}
              </td>
              <td className={tdClass}>{activity.staffName ?? "—"}</td>
            </tr>
          ))}
        </PersonTable>
      )}
    </PersonSection>
  );
}
