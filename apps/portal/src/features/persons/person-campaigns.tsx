import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getServerCaller } from "../../server/caller";
import { NoEntries, PersonSection, PersonTable, type PersonView, tdClass } from "./person-section";

/** Issue 8 #7: which marketing lists' consent requests reached the person, how, or why they were not asked. */
export async function PersonCampaigns({ view }: { view: PersonView }) {
  const t = await getTranslations("consentCampaign");
  const format = await getFormatter();
  const { caller } = await getServerCaller();
  const rows = await caller.campaigns.forPerson({ personId: view.person.id });
  const names = new Map(view.records.map((record) => [record.purposeId, record.purposeName]));
  const status = await getTranslations("outbox.statuses");
  return (
    <PersonSection id="campaigns" title={t("personTitle")} testId="person-campaigns">
      {rows.length === 0 ? (
        <NoEntries text={t("personEmpty")} />
      ) : (
        <PersonTable head={[t("when"), t("list"), t("asked"), t("how"), t("who")]}>
          {rows.map((row) => (
            <tr key={row.campaignId} className="border-t border-slate-100">
              <td className={tdClass}>
                {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </td>
              <td className={tdClass}>
                <Link href={`/lists/${row.listId}`} className="text-blue-800 hover:underline">
                  {row.listName}
                </Link>
              </td>
              <td className={tdClass}>{row.askedPurposeIds.map((id) => names.get(id) ?? "—").join(", ")}</td>
              <td className={tdClass}>
                {row.route ? t(`routes.${row.route}`) : row.reason ? t(`excluded.${row.reason}`) : "—"}
                {row.mailStatus && (
                  <span className="ml-2 text-slate-600">
                    ({t("mailStatus", { status: status(row.mailStatus) })})
                  </span>
                )}
              </td>
              <td className={tdClass}>{row.actorName ?? "—"}</td>
            </tr>
          ))}
        </PersonTable>
      )}
    </PersonSection>
  );
}
