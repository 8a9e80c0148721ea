import { holdSource, isRetentionDutyKey, retentionDuty } from "@purposeful/domain";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { maskIban } from "../persons/person-bank-accounts";
import { PersonSection, type PersonView } from "../persons/person-section";

type HeldTable = PersonView["holds"][number]["table"];

/**
 * Art. 17(3)(b),(e), 18 GDPR, §35(3) BDSG: what a level-3 erasure kept because a legal hold covers
 * it, with the day it goes and the law. `persons.get` delivers these items to dpo and admin only,
 * so for everyone else this section has nothing to show and is not rendered.
 */
export async function PersonHeldItems({ view }: { view: PersonView }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const documents = view.documents.filter((document) => document.heldUntil);
  const bankAccounts = view.bankAccounts.filter((account) => account.heldUntil);
  if (documents.length + bankAccounts.length + view.heldEvidence.length === 0) return null;

  const laws = new Map(view.holds.map((item) => [`${item.table}:${item.id}`, holdSource(item.key)]));
  const lawOf = (table: HeldTable, id: string, retentionClass?: string | null) =>
    laws.get(`${table}:${id}`) ??
    (retentionClass && isRetentionDutyKey(retentionClass) ? retentionDuty(retentionClass).source : null);
  const keptUntil = (until: string, law: string | null) => {
    const date = format.dateTime(new Date(`${until}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
    return law ? t("erasure.held.keptUntil", { date, law }) : t("erasure.held.keptUntilNoLaw", { date });
  };
  const evidenceKind = (kind: string) =>
    t.has(`audit.evidenceKinds.${kind}`) ? t(`audit.evidenceKinds.${kind}`) : kind;

  return (
    <PersonSection id="held-items" title={t("erasure.held.title")} testId="held-items">
      <p className="mb-2 text-sm text-slate-600">{t("erasure.held.intro")}</p>
      <ul className="space-y-1 text-sm">
        {documents.map((document) => (
          <li key={document.id} data-held="document">
            <span className="font-medium">{t("erasure.heldTables.document")}: </span>
            {document.mayOpen ? (
              <Link href={`/documents/${document.id}`} className="text-blue-800 hover:underline">
                {document.fileName}
              </Link>
            ) : (
              document.fileName
            )}{" "}
            – {keptUntil(document.heldUntil ?? "", lawOf("document", document.id, document.retentionClass))}
          </li>
        ))}
        {bankAccounts.map((account) => (
          <li key={account.id} data-held="bankAccount">
            <span className="font-medium">{t("erasure.heldTables.bankAccount")}: </span>
            <span className="font-mono">{maskIban(account.iban)}</span> –{" "}
            {keptUntil(account.heldUntil ?? "", lawOf("bankAccount", account.id, account.retentionClass))}
          </li>
        ))}
        {view.heldEvidence.map((evidence) => (
          <li key={evidence.id} data-held="consentEvidence">
            {t("erasure.held.evidence", { kind: evidenceKind(evidence.kind), purpose: evidence.purposeKey })}{" "}
            – {keptUntil(evidence.heldUntil ?? "", lawOf("consentEvidence", evidence.id))}
          </li>
        ))}
      </ul>
    </PersonSection>
  );
}
