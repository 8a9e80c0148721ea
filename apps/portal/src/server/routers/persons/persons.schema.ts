import { personSortFields } from "@purposeful/db";
import { partyTypes, recordStates } from "@purposeful/domain";
import { z } from "zod";

export const lightSchema = z.enum(["green", "yellow", "red"]);

export const listPersonsInput = z.object({
  search: z.string().trim().max(100).optional(),
  light: lightSchema.optional(),
  purposeId: z.uuid().optional(),
  /** Only with `purposeId`: persons whose record for that purpose is in this state. */
  purposeState: z.enum(recordStates).optional(),
  sort: z.object({ field: z.enum(personSortFields), direction: z.enum(["asc", "desc"]) }).optional(),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const personIdInput = z.object({ personId: z.uuid() });

/** A bulk selection in the persons list, summarized by the live traffic-light rule. */
export const personSelectionInput = z.object({ personIds: z.array(z.uuid()).max(5000) });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

/**
 * Input of the duplicate check: the same e-mail, or the same name in the same organization; the
 * e-mail alone (adding an address) checks the suppression list and persons with that address.
 */
export const duplicateCheckInput = z.object({
  firstName: z.string().trim().max(100).default(""),
  lastName: z.string().trim().max(100).default(""),
  organizationId: z.uuid().optional(),
  email: optionalText(254).pipe(z.email().optional()),
});

export const createPersonInput = z.object({
  salutation: optionalText(50),
  title: optionalText(50),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  preferredLanguage: z.enum(["de", "en"]),
  birthday: optionalText(10).pipe(z.iso.date().optional()),
  organizationId: z.uuid().optional(),
  email: optionalText(254).pipe(z.email().optional()),
  phone: optionalText(50),
  /** UWG §7(2); absent: business when an organization is chosen, else consumer */
  partyType: z.enum(partyTypes).optional(),
  /** Create even though probable duplicates exist (the user saw them). */
  confirmDuplicate: z.boolean(),
  /** Use an address on the suppression list anyway: dpo and admin only, audited. */
  overrideSuppression: z.boolean().optional(),
});

export const organizationSearchInput = z.object({ search: z.string().trim().max(100) });

/** Text that may be cleared: absent stays unchanged, empty or null clears it. */
const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value === undefined ? undefined : value || null));

/** Master data of a person; only the fields present are compared and written. */
export const updateMasterDataInput = personIdInput.extend({
  salutation: clearableText(50),
  title: clearableText(50),
  firstName: z.string().trim().min(1).max(100).optional(),
  lastName: z.string().trim().min(1).max(100).optional(),
  preferredLanguage: z.enum(["de", "en"]).optional(),
  birthday: clearableText(10).pipe(z.iso.date().nullish()),
  jobTitle: clearableText(100),
  organizationId: z.uuid().nullish(),
  partyType: z.enum(partyTypes).optional(),
});

export const addEmailInput = personIdInput.extend({
  address: z.string().trim().max(254).pipe(z.email()),
  kind: z.enum(["private", "work", "other"]).default("private"),
  primary: z.boolean().optional(),
  /** Use an address on the suppression list anyway: dpo and admin only, audited. */
  overrideSuppression: z.boolean().optional(),
});

export const addPhoneInput = personIdInput.extend({
  number: z.string().trim().min(1).max(50),
  kind: z.enum(["landline", "mobile", "fax"]),
  primary: z.boolean().optional(),
});

export const addAddressInput = personIdInput.extend({
  kind: z.enum(["home", "work", "postal"]),
  street: z.string().trim().min(1).max(200),
  postalCode: z.string().trim().min(1).max(20),
  city: z.string().trim().min(1).max(100),
  /** ISO 3166-1 alpha-2. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((value) => value.toUpperCase()),
  primary: z.boolean().optional(),
});

/** One e-mail address, phone number or postal address of the person. */
export const entryIdInput = personIdInput.extend({ entryId: z.uuid() });
