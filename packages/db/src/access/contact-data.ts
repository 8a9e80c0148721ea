import type { Database } from "../create-database.ts";

/**
 * A person's communication and bank data as the access report (Art. 15(3)) and the portability
 * export (Art. 20) hand it over: primary first, then in the order it was stored. `heldBankAccounts`:
 * whether accounts kept only under a legal hold after an erasure are included (the copy under
 * Art. 15 shows everything stored; Art. 20 covers only what rests on consent or contract).
 */
export async function loadContactData(
  db: Database,
  personId: string,
  options: { heldBankAccounts: boolean },
) {
  const [emails, phones, addresses, bankAccounts] = await Promise.all([
    db
      .selectFrom("personEmail")
      .select(["address", "kind", "isPrimary"])
      .where("personId", "=", personId)
      .orderBy("isPrimary", "desc")
      .orderBy("createdAt")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("personPhone")
      .select(["number", "kind", "isPrimary"])
      .where("personId", "=", personId)
      .orderBy("isPrimary", "desc")
      .orderBy("createdAt")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("personAddress")
      .select(["street", "postalCode", "city", "country", "kind", "isPrimary"])
      .where("personId", "=", personId)
      .orderBy("isPrimary", "desc")
      .orderBy("createdAt")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("bankAccount")
      .select(["iban", "bic", "accountHolder", "mandateReference"])
      .where("personId", "=", personId)
      .$if(!options.heldBankAccounts, (q) => q.where("heldUntil", "is", null))
      .orderBy("createdAt")
      .orderBy("id")
      .execute(),
  ]);
  return { emails, phones, addresses, bankAccounts };
}
