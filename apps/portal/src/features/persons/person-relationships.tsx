import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoEntries, PersonSection, PersonTable, type PersonView, tdClass } from "./person-section";

export async function PersonRelationships({ view }: { view: PersonView }) {
  const t = await getTranslations();
  return (
    <PersonSection id="relationships" title={t("person.relationships")}>
      {view.relationships.length === 0 ? (
        <NoEntries text={t("person.noEntries")} />
      ) : (
        <PersonTable head={[t("person.role"), t("person.relatedTo")]}>
          {view.relationships.map((relationship) => (
            <tr key={relationship.id}>
              <td className={tdClass}>{relationship.role}</td>
              <td className={tdClass}>
                {relationship.relatedPersonId ? (
                  <Link
                    href={`/persons/${relationship.relatedPersonId}`}
                    className="text-blue-800 hover:underline"
                  >
                    {[relationship.relatedFirstName, relationship.relatedLastName].filter(Boolean).join(" ")}
                  </Link>
                ) : (
                  (relationship.relatedOrganizationName ?? "—")
                )}
              </td>
            </tr>
          ))}
        </PersonTable>
      )}
    </PersonSection>
  );
}
