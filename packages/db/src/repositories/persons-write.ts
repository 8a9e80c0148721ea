import type { Language, PartyType } from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import {
  auditSuppressionOverride,
  checkSuppressedAddresses,
  findSuppressedAddresses,
  type SuppressedAddress,
  type SuppressionGuard,
} from "./suppression-check.ts";
import { refreshTrafficLights } from "./traffic-lights.ts";

export interface NewPersonInput {
  salutation?: string | null;
  title?: string | null;
  firstName: string;
  lastName: string;
  preferredLanguage: Language;
  birthday?: string | null;
  organizationId?: string | null;
  email?: string | null;
  phone?: string | null;
  /** UWG §7(2); defaults to business when an organization is linked, else consumer */
  partyType?: PartyType;
}

export interface DuplicateCandidate {
  id: string;
  firstName: string;
  lastName: string;
  organizationName: string | null;
  reason: "same_email" | "same_name_and_organization";
}

export interface DuplicateCheck {
  /** persons who are probably the same */
  persons: DuplicateCandidate[];
  /** the address is on the suppression list: an erased contact used it (nothing more about them) */
  suppressed: SuppressedAddress[];
}

/**
 * Persons who are probably the same: the same e-mail address, or the same name in the same
 * organization; and whether an erased contact used the address (the suppression list, Art. 17).
 */
export async function findDuplicatePersons(
  db: Database,
  input: Pick<NewPersonInput, "firstName" | "lastName" | "organizationId" | "email">,
  suppressionSecret: string,
): Promise<DuplicateCheck> {
  const found = new Map<string, DuplicateCandidate>();
  const email = input.email?.trim().toLowerCase();
  const suppressed = email ? await findSuppressedAddresses(db, suppressionSecret, [email]) : [];
  if (email) {
    const rows = await db
      .selectFrom("personEmail")
      .innerJoin("person", "person.id", "personEmail.personId")
      .leftJoin("organization", "organization.id", "person.organizationId")
      .select(["person.id", "person.firstName", "person.lastName", "organization.name as organizationName"])
      .where((eb) => eb(eb.fn("lower", ["personEmail.address"]), "=", email))
      .where("person.erasedLevel", "<", 3)
      .limit(10)
      .execute();
    for (const row of rows) found.set(row.id, { ...row, reason: "same_email" });
  }
  if (input.organizationId) {
    const rows = await db
      .selectFrom("person")
      .leftJoin("organization", "organization.id", "person.organizationId")
      .select(["person.id", "person.firstName", "person.lastName", "organization.name as organizationName"])
      .where("person.organizationId", "=", input.organizationId)
      .where((eb) => eb(eb.fn("lower", ["person.lastName"]), "=", input.lastName.trim().toLowerCase()))
      .where((eb) => eb(eb.fn("lower", ["person.firstName"]), "=", input.firstName.trim().toLowerCase()))
      .limit(10)
      .execute();
    for (const row of rows)
      if (!found.has(row.id)) found.set(row.id, { ...row, reason: "same_name_and_organization" });
  }
  return { persons: [...found.values()], suppressed };
}

/**
 * Creates a person (red until a legal basis is recorded, Art. 25(2) GDPR) and audits it; call in a
 * transaction. An address on the suppression list is refused unless a dpo overrode it (audited).
 */
export async function createPersonRecord(
  trx: Database,
  input: NewPersonInput,
  actor: Actor,
  at: Date,
  suppression: SuppressionGuard,
): Promise<string> {
  const { outcome, count } = input.email
    ? await checkSuppressedAddresses(trx, suppression, [input.email])
    : { outcome: "clear", count: 0 };
  // UWG §7(2): a contact at an organization is a business contact unless staff chose otherwise.
  const partyType = input.partyType ?? (input.organizationId ? "business" : "consumer");
  const person = await trx
    .insertInto("person")
    .values({
      salutation: input.salutation ?? null,
      title: input.title ?? null,
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      preferredLanguage: input.preferredLanguage,
      birthday: input.birthday ?? null,
      organizationId: input.organizationId ?? null,
      partyType,
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (input.email)
    await trx
      .insertInto("personEmail")
      .values({ personId: person.id, address: input.email.trim(), isPrimary: true })
      .execute();
  if (input.phone)
    await trx
      .insertInto("personPhone")
      .values({ personId: person.id, kind: "mobile", number: input.phone.trim(), isPrimary: true })
      .execute();
  // Without a record yet, the person is kept for the company's grace days (their retain-until).
  await refreshTrafficLights(trx, [person.id], at);
  await recordAudit(trx, {
    actor,
    action: "person.created",
    entityType: "person",
    entityId: person.id,
    personId: person.id,
    changes: { fields: Object.keys(input).filter((key) => input[key as keyof NewPersonInput]), partyType },
    personal: { after: { ...input, partyType } },
    at,
  });
  if (outcome === "overridden")
    await auditSuppressionOverride(trx, { personId: person.id, via: "person.created", count, actor, at });
  return person.id;
}
