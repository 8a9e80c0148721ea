import { DomainError } from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { revokeLinksOfEmail } from "../microsite/access.ts";
import {
  emailPattern,
  type Field,
  invalid,
  lockPerson,
  type MasterDataPatch,
  masterFields,
  type NewAddress,
  type NewEmail,
  type NewPhone,
  normalizePatch,
  required,
  uuidPattern,
} from "./persons-edit-input.ts";
import {
  auditSuppressionOverride,
  checkSuppressedAddresses,
  type SuppressionGuard,
} from "./suppression-check.ts";

export type { MasterDataPatch, NewAddress, NewEmail, NewPhone } from "./persons-edit-input.ts";

/**
 * Writes the fields of the patch that differ from the stored person and audits them as one
 * `person.updated` event (field names in `changes`, values encrypted in `personal`). Returns the
 * changed field names; nothing is written and no event recorded when nothing changed.
 */
export async function updatePersonMasterData(
  trx: Database,
  personId: string,
  patch: MasterDataPatch,
  actor: Actor,
  at: Date,
): Promise<Field[]> {
  const person = await lockPerson(trx, personId);
  const next = await normalizePatch(trx, patch);
  const fields = masterFields.filter((field) => field in next && next[field] !== person[field]);
  if (fields.length === 0) return [];
  const before = Object.fromEntries(fields.map((field) => [field, person[field]]));
  const after = Object.fromEntries(fields.map((field) => [field, next[field]]));
  await trx
    .updateTable("person")
    .set({ ...after, updatedAt: at })
    .where("id", "=", personId)
    .execute();
  await recordAudit(trx, {
    actor,
    action: "person.updated",
    entityType: "person",
    entityId: personId,
    personId,
    changes: { fields },
    personal: { before, after },
    at,
  });
  return fields;
}

type Channel = "personEmail" | "personPhone" | "personAddress";
const entityTypes = {
  personEmail: "person_email",
  personPhone: "person_phone",
  personAddress: "person_address",
};
const notFound = {
  personEmail: "person_email_not_found",
  personPhone: "person_phone_not_found",
  personAddress: "person_address_not_found",
} as const;

async function audit(
  trx: Database,
  action: "communication.added" | "communication.removed" | "communication.primary_changed",
  table: Channel,
  entry: { id: string; personId: string; kind: string },
  facts: { fields: string[] } & Record<string, unknown>,
  personal: { before?: unknown; after?: unknown },
  actor: Actor,
  at: Date,
) {
  await recordAudit(trx, {
    actor,
    action,
    entityType: entityTypes[table],
    entityId: entry.id,
    personId: entry.personId,
    changes: { kind: entry.kind, ...facts },
    personal,
    at,
  });
}

/** Makes `id` the person's only primary entry of the channel (all three tables share these columns). */
async function makePrimary(trx: Database, table: Channel, personId: string, id: string) {
  // The cast keeps one code path for three tables whose columns used here are the same.
  const t = table as "personEmail";
  // Clear first: person_email allows one primary per person (unique partial index).
  await trx.updateTable(t).set({ isPrimary: false }).where("personId", "=", personId).execute();
  await trx.updateTable(t).set({ isPrimary: true }).where("id", "=", id).execute();
}

async function hasEntries(trx: Database, table: Channel, personId: string): Promise<boolean> {
  const row = await trx
    .selectFrom(table as "personEmail")
    .select("id")
    .where("personId", "=", personId)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

async function insertEntry(
  trx: Database,
  table: Channel,
  personId: string,
  values: Record<string, string>,
  primary: boolean | undefined,
  actor: Actor,
  at: Date,
): Promise<{ id: string }> {
  // The first entry of a channel becomes primary.
  const isPrimary = primary === true || !(await hasEntries(trx, table, personId));
  const row = await trx
    .insertInto(table as "personAddress")
    .values({
      personId,
      ...(values as { kind: "home"; street: string; postalCode: string; city: string; country: string }),
    })
    .returning(["id", "personId", "kind"])
    .executeTakeFirstOrThrow();
  if (isPrimary) await makePrimary(trx, table, personId, row.id);
  const fields = Object.keys(values).filter((key) => key !== "kind");
  await audit(trx, "communication.added", table, row, { fields, isPrimary }, { after: values }, actor, at);
  return { id: row.id };
}

async function removeEntry(
  trx: Database,
  table: Channel,
  personId: string,
  id: string,
  actor: Actor,
  at: Date,
): Promise<void> {
  await lockPerson(trx, personId);
  if (!uuidPattern.test(id)) throw new DomainError("not_found", notFound[table]);
  const removed = await trx
    .deleteFrom(table as "personEmail")
    .where("id", "=", id)
    .where("personId", "=", personId)
    .returningAll()
    .executeTakeFirst();
  if (!removed) throw new DomainError("not_found", notFound[table]);
  // Links mailed to a removed address must not keep opening the person's settings.
  if (table === "personEmail") await revokeLinksOfEmail(trx, id, at);
  const { id: _id, personId: _person, createdAt: _created, isPrimary, kind, ...values } = removed;
  let promotedId: string | null = null;
  if (isPrimary) {
    // The oldest remaining entry takes over as primary.
    const oldest = await trx
      .selectFrom(table as "personEmail")
      .select("id")
      .where("personId", "=", personId)
      .orderBy("createdAt")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    if (oldest) {
      await makePrimary(trx, table, personId, oldest.id);
      promotedId = oldest.id;
    }
  }
  const fields = Object.keys(values);
  const facts = { fields, wasPrimary: isPrimary, promotedId };
  await audit(trx, "communication.removed", table, removed, facts, { before: values }, actor, at);
}

/**
 * Adds an e-mail address; one on the suppression list is refused unless a dpo overrode it (audited
 * as `person.suppression_overridden`, without the address).
 */
export async function addEmail(
  trx: Database,
  personId: string,
  input: NewEmail,
  actor: Actor,
  at: Date,
  suppression: SuppressionGuard,
) {
  await lockPerson(trx, personId);
  const address = required(input.address, 254, "email");
  if (!emailPattern.test(address)) invalid("email");
  const kind = input.kind ?? "private";
  if (!["private", "work", "other"].includes(kind)) invalid("kind");
  const existing = await trx
    .selectFrom("personEmail")
    .select("id")
    .where("personId", "=", personId)
    .where((eb) => eb(eb.fn("lower", ["address"]), "=", address.toLowerCase()))
    .executeTakeFirst();
  if (existing) throw new DomainError("conflict", "email_exists");
  const { outcome, count } = await checkSuppressedAddresses(trx, suppression, [address]);
  const entry = await insertEntry(trx, "personEmail", personId, { address, kind }, input.primary, actor, at);
  if (outcome === "overridden")
    await auditSuppressionOverride(trx, { personId, via: "communication.added", count, actor, at });
  return entry;
}

export async function addPhone(trx: Database, personId: string, input: NewPhone, actor: Actor, at: Date) {
  await lockPerson(trx, personId);
  const number = required(input.number, 50, "phone");
  if (!["landline", "mobile", "fax"].includes(input.kind)) invalid("kind");
  return insertEntry(trx, "personPhone", personId, { number, kind: input.kind }, input.primary, actor, at);
}

export async function addAddress(trx: Database, personId: string, input: NewAddress, actor: Actor, at: Date) {
  await lockPerson(trx, personId);
  if (!["home", "work", "postal"].includes(input.kind)) invalid("kind");
  const country = required(input.country, 2, "country").toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) invalid("country");
  const values = {
    street: required(input.street, 200, "street"),
    postalCode: required(input.postalCode, 20, "postalCode"),
    city: required(input.city, 100, "city"),
    country,
    kind: input.kind,
  };
  return insertEntry(trx, "personAddress", personId, values, input.primary, actor, at);
}

export const removeEmail = (trx: Database, personId: string, emailId: string, actor: Actor, at: Date) =>
  removeEntry(trx, "personEmail", personId, emailId, actor, at);
export const removePhone = (trx: Database, personId: string, phoneId: string, actor: Actor, at: Date) =>
  removeEntry(trx, "personPhone", personId, phoneId, actor, at);
export const removeAddress = (trx: Database, personId: string, addressId: string, actor: Actor, at: Date) =>
  removeEntry(trx, "personAddress", personId, addressId, actor, at);

/**
 * Makes an e-mail address the primary one (it replaces the previous one as the address we mail);
 * no event when it already is. The previous address's settings and double-opt-in links are revoked.
 */
export async function setPrimaryEmail(
  trx: Database,
  personId: string,
  emailId: string,
  actor: Actor,
  at: Date,
): Promise<void> {
  await lockPerson(trx, personId);
  const emails = await trx
    .selectFrom("personEmail")
    .select(["id", "personId", "kind", "address", "isPrimary"])
    .where("personId", "=", personId)
    .execute();
  const target = emails.find((email) => email.id === emailId);
  if (!target) throw new DomainError("not_found", "person_email_not_found");
  if (target.isPrimary) return;
  const previous = emails.find((email) => email.isPrimary) ?? null;
  await makePrimary(trx, "personEmail", personId, emailId);
  // The replaced address no longer receives our mail; its settings and confirmation links end here.
  if (previous) await revokeLinksOfEmail(trx, previous.id, at);
  const facts = { fields: ["isPrimary"], previousId: previous?.id ?? null };
  const personal = { before: { primary: previous?.address ?? null }, after: { primary: target.address } };
  await audit(trx, "communication.primary_changed", "personEmail", target, facts, personal, actor, at);
}
