import { DomainError, type Language, type PartyType, partyTypes } from "@purposeful/domain";
import type { Database } from "../create-database.ts";

// Input rules and the person lock shared by the edits in persons-edit.ts.

export interface MasterDataPatch {
  salutation?: string | null;
  title?: string | null;
  firstName?: string;
  lastName?: string;
  preferredLanguage?: Language;
  birthday?: string | null;
  jobTitle?: string | null;
  organizationId?: string | null;
  /** UWG §7(2): consumer or business contact */
  partyType?: PartyType;
}

export interface NewEmail {
  address: string;
  kind?: "private" | "work" | "other";
  primary?: boolean;
}

export interface NewPhone {
  number: string;
  kind: "landline" | "mobile" | "fax";
  primary?: boolean;
}

export interface NewAddress {
  kind: "home" | "work" | "postal";
  street: string;
  postalCode: string;
  city: string;
  country: string;
  primary?: boolean;
}

export type Field = keyof MasterDataPatch;
export const masterFields = [
  "salutation",
  "title",
  "firstName",
  "lastName",
  "preferredLanguage",
  "birthday",
  "jobTitle",
  "organizationId",
  "partyType",
] as const satisfies readonly Field[];

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function invalid(what: string): never {
  throw new DomainError("validation", "invalid_field", what);
}

/** Trimmed text; empty becomes null where the field is optional. */
export function optional(value: string | null | undefined, max: number, what: string): string | null {
  const text = value?.trim() ?? "";
  if (text.length > max) invalid(what);
  return text || null;
}

export function required(value: string | undefined, max: number, what: string): string {
  const text = optional(value, max, what);
  if (!text) invalid(what);
  return text;
}

function isIsoDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Locks the person against concurrent edits; an unknown or fully erased person cannot be edited. */
export async function lockPerson(trx: Database, personId: string) {
  if (!uuidPattern.test(personId)) throw new DomainError("not_found", "person_not_found");
  const person = await trx
    .selectFrom("person")
    .select([...masterFields, "id", "erasedLevel"])
    .where("id", "=", personId)
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  if (person.erasedLevel >= 3) throw new DomainError("invalid_transition", "person_erased");
  return person;
}

/** Validates and normalizes the patch; only keys present in it are returned. */
export async function normalizePatch(trx: Database, patch: MasterDataPatch): Promise<MasterDataPatch> {
  const out: MasterDataPatch = {};
  if (patch.salutation !== undefined) out.salutation = optional(patch.salutation, 50, "salutation");
  if (patch.title !== undefined) out.title = optional(patch.title, 50, "title");
  if (patch.firstName !== undefined) out.firstName = required(patch.firstName, 100, "firstName");
  if (patch.lastName !== undefined) out.lastName = required(patch.lastName, 100, "lastName");
  if (patch.jobTitle !== undefined) out.jobTitle = optional(patch.jobTitle, 100, "jobTitle");
  if (patch.preferredLanguage !== undefined) {
    if (patch.preferredLanguage !== "de" && patch.preferredLanguage !== "en") invalid("preferredLanguage");
    out.preferredLanguage = patch.preferredLanguage;
  }
  if (patch.partyType !== undefined) {
    if (!partyTypes.includes(patch.partyType)) invalid("partyType");
    out.partyType = patch.partyType;
  }
  if (patch.birthday !== undefined) {
    const birthday = optional(patch.birthday, 10, "birthday");
    if (birthday && !isIsoDate(birthday)) invalid("birthday");
    out.birthday = birthday;
  }
  if (patch.organizationId !== undefined) {
    const id = optional(patch.organizationId, 36, "organizationId");
    if (id) {
      const found = uuidPattern.test(id)
        ? await trx.selectFrom("organization").select("id").where("id", "=", id).executeTakeFirst()
        : undefined;
      if (!found) throw new DomainError("not_found", "organization_not_found");
    }
    out.organizationId = id;
  }
  return out;
}
