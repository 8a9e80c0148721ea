import { getTranslations } from "next-intl/server";
import { AddBankAccount } from "./add-bank-account";
import { NoEntries, PersonSection, PersonTable, type PersonView, tdClass } from "./person-section";
import { RetentionClassCell } from "./retention-class";

/** Only the last four characters are shown; the rest is masked and grouped like a printed IBAN. */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, "");
  const visible = compact.slice(-4);
  const masked = "•".repeat(Math.max(compact.length - visible.length, 0)) + visible;
  return masked.replace(/(.{4})(?=.)/g, "$1 ");
}

export async function PersonBankAccounts({ view }: { view: PersonView }) {
  const t = await getTranslations();
  return (
    <PersonSection id="bank-accounts" title={t("person.bankAccounts")}>
      {view.bankAccounts.length === 0 ? (
        <NoEntries text={t("person.noEntries")} />
      ) : (
        <PersonTable
          head={[t("person.iban"), t("person.bic"), t("person.accountHolder"), t("retentionClass.label")]}
        >
          {view.bankAccounts.map((account) => (
            <tr key={account.id}>
              <td className={`${tdClass} whitespace-nowrap font-mono`}>
                <span aria-hidden="true">{maskIban(account.iban)}</span>
                <span className="sr-only">
                  {t("person.ibanEndingIn", { last4: account.iban.replace(/\s+/g, "").slice(-4) })}
                </span>
              </td>
              <td className={`${tdClass} font-mono`}>{account.bic ?? "—"}</td>
              <td className={tdClass}>{account.accountHolder}</td>
              <td className={tdClass}>
                <RetentionClassCell
                  facts={account}
                  target={{ personId: view.person.id, bankAccountId: account.id }}
                />
              </td>
            </tr>
          ))}
        </PersonTable>
      )}
      <AddBankAccount personId={view.person.id} />
    </PersonSection>
  );
}
