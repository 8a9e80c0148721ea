import { DomainError, decideRetentionClass } from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { invalid, lockPerson, optional, required, uuidPattern } from "./persons-edit-input.ts";

// The retention class (HGB §257, AO §147) of documents and bank accounts: staff set it with the date
// its period counts from; the erasure engine reads it (`legalHoldFor`) and writes `held_until`.

export interface RetentionClassInput {
  /** a `RetentionDutyKey`, or null for none */
  retentionClass: string | null;
  /** YYYY-MM-DD the period counts from; by default the day the item was stored */
  retentionDate?: string | null;
}

type Held = "document" | "bankAccount";

async function setRetention(
  trx: Database,
  table: Held,
  id: string,
  input: RetentionClassInput,
  actor: Actor,
  at: Date,
): Promise<void> {
  const notFound = table === "document" ? "document_not_found" : "bank_account_not_found";
  if (!uuidPattern.test(id)) throw new DomainError("not_found", notFound);
  const item = await trx
    .selectFrom(table as "document")
    .select(["id", "personId", "createdAt", "heldUntil", "retentionClass", "retentionDate"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!item?.personId) throw new DomainError("not_found", notFound);
  // Kept after an erasure until its hold ends: its class can no longer be changed (Art. 17(3)(b)).
  if (item.heldUntil !== null) throw new DomainError("legal_hold", "legal_hold");
  const decided = decideRetentionClass(input, item.createdAt);
  await trx
    .updateTable(table as "document")
    .set({ retentionClass: decided.retentionClass, retentionDate: decided.retentionDate })
    .where("id", "=", id)
    .execute();
  await recordAudit(trx, {
    actor,
    action: table === "document" ? "document.retention_set" : "bank_account.retention_set",
    entityType: table === "document" ? "document" : "bank_account",
    entityId: id,
    personId: item.personId,
    changes: {
      retentionClass: decided.retentionClass,
      retentionDate: decided.retentionDate,
      holdUntil: decided.hold?.until ?? null,
      previous: { retentionClass: item.retentionClass, retentionDate: item.retentionDate },
    },
    at,
  });
}

/** Sets (or with `retentionClass: null` removes) a document's retention class and date. */
export function setDocumentRetention(
  trx: Database,
  documentId: string,
  input: RetentionClassInput,
  actor: Actor,
  at: Date,
) {
  return setRetention(trx, "document", documentId, input, actor, at);
}

/** Sets (or removes) a bank account's retention class and date; the account must be the person's. */
export async function setBankAccountRetention(
  trx: Database,
  personId: string,
  bankAccountId: string,
  input: RetentionClassInput,
  actor: Actor,
  at: Date,
) {
  const owned = uuidPattern.test(bankAccountId)
    ? await trx
        .selectFrom("bankAccount")
        .select("id")
        .where("id", "=", bankAccountId)
        .where("personId", "=", personId)
        .executeTakeFirst()
    : undefined;
  if (!owned) throw new DomainError("not_found", "bank_account_not_found");
  return setRetention(trx, "bankAccount", bankAccountId, input, actor, at);
}

/** An IBAN without spaces, upper case, with a valid ISO 13616 check (mod 97 = 1). */
export function normalizeIban(value: string): string {
  const iban = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) invalid("iban");
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  if (remainder !== 1) invalid("iban");
  return iban;
}

export interface NewBankAccount extends RetentionClassInput {
  iban: string;
  bic?: string | null;
  accountHolder: string;
}

/** Adds a bank account, with its retention class if it has one; audited (values encrypted). */
export async function addBankAccount(
  trx: Database,
  personId: string,
  input: NewBankAccount,
  actor: Actor,
  at: Date,
): Promise<{ id: string }> {
  await lockPerson(trx, personId);
  const iban = normalizeIban(input.iban);
  const bic = optional(input.bic, 11, "bic")?.toUpperCase() ?? null;
  if (bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) invalid("bic");
  const accountHolder = required(input.accountHolder, 200, "accountHolder");
  const decided = decideRetentionClass(input, at);
  const row = await trx
    .insertInto("bankAccount")
    .values({
      personId,
      iban,
      bic,
      accountHolder,
      retentionClass: decided.retentionClass,
      retentionDate: decided.retentionDate,
      createdAt: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor,
    action: "bank_account.added",
    entityType: "bank_account",
    entityId: row.id,
    personId,
    changes: {
      fields: ["iban", ...(bic ? ["bic"] : []), "accountHolder"],
      retentionClass: decided.retentionClass,
      retentionDate: decided.retentionDate,
      holdUntil: decided.hold?.until ?? null,
    },
    personal: { after: { iban, bic, accountHolder } },
    at,
  });
  return { id: row.id };
}
