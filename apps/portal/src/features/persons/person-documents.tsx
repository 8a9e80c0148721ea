import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoEntries, PersonSection, PersonTable, type PersonView, tdClass } from "./person-section";
import { RetentionClassCell } from "./retention-class";
import { UploadDocument } from "./upload-document";

export async function PersonDocuments({ view }: { view: PersonView }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <PersonSection id="documents" title={t("person.documents")}>
      {view.documents.length === 0 ? (
        <NoEntries text={t("person.noEntries")} />
      ) : (
        <PersonTable
          head={[
            t("person.fileName"),
            t("person.kind"),
            t("person.sizeLabel"),
            t("person.date"),
            t("retentionClass.label"),
          ]}
        >
          {view.documents.map((document) => (
            <tr key={document.id}>
              <td className={`${tdClass} break-all font-medium`}>
                {document.mayOpen ? (
                  <Link href={`/documents/${document.id}`} className="text-blue-800 hover:underline">
                    {document.fileName}
                  </Link>
                ) : (
                  <span title={t("person.documentRestricted")}>
                    {document.fileName} <span className="text-xs text-slate-500">🔒</span>
                  </span>
                )}
              </td>
              <td className={tdClass}>{t(`person.documentKinds.${document.kind}`)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {t("person.size", {
                  size: format.number(document.sizeBytes / 1024, { maximumFractionDigits: 1 }),
                })}
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {format.dateTime(document.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </td>
              <td className={tdClass}>
                <RetentionClassCell facts={document} target={{ documentId: document.id }} />
              </td>
            </tr>
          ))}
        </PersonTable>
      )}
      <UploadDocument personId={view.person.id} />
    </PersonSection>
  );
}
