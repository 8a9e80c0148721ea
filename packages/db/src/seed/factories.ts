import { createHash } from "node:crypto";
import type {
  Channel,
  Language,
  LegalBasis,
  PartyType,
  RecordSource,
  RecordState,
  StaffRole,
} from "@purposeful/domain";
import type { Insertable } from "kysely";
import { stateTimestamp } from "../consent/apply-record-event.ts";
import type { Database } from "../create-database.ts";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";
import type { DB } from "../tables/generated.ts";

export type { Language };
export type PurposeTexts = Record<Language, { name: string; description: string }>;

export async function insertInChunks<T extends keyof DB & string>(
  db: Database,
  table: T,
  rows: Insertable<DB[T]>[],
  chunkSize = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot narrow a generic table name's row type.
      .values(rows.slice(i, i + chunkSize) as any)
      .execute();
  }
}

export interface NewPerson {
  firstName?: string;
  lastName?: string;
  salutation?: string | null;
  preferredLanguage?: Language;
  birthday?: string | null;
  organizationId?: string | null;
  /** Default: business when an organization is linked, else consumer (UWG §7(2)). */
  partyType?: PartyType;
  emails?: string[];
  createdAt?: Date;
}

let sequence = 0;

/** A person with optional e-mail addresses (the first is primary); the light starts red (Art. 25(2)). */
export async function createPerson(db: Database, input: NewPerson = {}): Promise<string> {
  sequence += 1;
  const person = await db
    .insertInto("person")
    .values({
      firstName: input.firstName ?? "Test",
      lastName: input.lastName ?? `Person ${sequence}`,
      salutation: input.salutation ?? null,
      preferredLanguage: input.preferredLanguage ?? "de",
      birthday: input.birthday ?? null,
      organizationId: input.organizationId ?? null,
      partyType: input.partyType ?? (input.organizationId ? "business" : "consumer"),
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const emails = input.emails ?? [];
  if (emails.length > 0) {
    await db
      .insertInto("personEmail")
      .values(emails.map((address, i) => ({ personId: person.id, address, isPrimary: i === 0 })))
      .execute();
  }
  return person.id;
}

export async function createOrganization(db: Database, name: string): Promise<string> {
  const row = await db.insertInto("organization").values({ name }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export interface NewPurpose {
  key: string;
  defaultLegalBasis?: LegalBasis;
  channels?: Channel[];
  doubleOptIn?: boolean;
  retentionPeriod?: string;
  dataCategories?: string[];
  recipients?: string[];
  texts?: PurposeTexts;
  active?: boolean;
  directMarketing?: boolean;
  /** UWG §7(3) no. 2. Default false. */
  ownSimilarGoods?: boolean;
  /** Default: the default basis alone. */
  allowedLegalBases?: LegalBasis[];
}

/** A purpose with version 1 of its texts in German and English. */
export async function createPurpose(db: Database, input: NewPurpose): Promise<string> {
  const defaultLegalBasis = input.defaultLegalBasis ?? "consent";
  const purpose = await db
    .insertInto("purpose")
    .values({
      key: input.key,
      defaultLegalBasis,
      allowedLegalBases: input.allowedLegalBases ?? [defaultLegalBasis],
      directMarketing: input.directMarketing ?? false,
      ownSimilarGoods: input.ownSimilarGoods ?? false,
      channels: input.channels ?? ["email"],
      doubleOptIn: input.doubleOptIn ?? false,
      retentionPeriod: input.retentionPeriod ?? "P3Y",
      dataCategories: input.dataCategories ?? ["contact data"],
      recipients: input.recipients ?? [],
      active: input.active ?? true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const texts = input.texts ?? {
    de: { name: `Zweck ${input.key}`, description: `Beschreibung für ${input.key}.` },
    en: { name: `Purpose ${input.key}`, description: `Description of ${input.key}.` },
  };
  await db
    .insertInto("purposeVersion")
    .values(
      (["de", "en"] as const).map((language) => ({
        purposeId: purpose.id,
        version: 1,
        language,
        name: texts[language].name,
        description: texts[language].description,
      })),
    )
    .execute();
  return purpose.id;
}

export interface NewRecord {
  personId: string;
  purposeId: string;
  legalBasis?: LegalBasis;
  state: RecordState;
  source?: RecordSource;
  purposeVersion?: number | null;
  validUntil?: Date | null;
  at?: Date;
}

/** A processing record in a given state, and the person's light refreshed as of `at`. */
export async function createRecord(db: Database, input: NewRecord): Promise<string> {
  const at = input.at ?? new Date();
  const column = stateTimestamp[input.state];
  const legalBasis = input.legalBasis ?? "consent";
  // As applyRecordEvent does: a consent keeps whether double opt-in was required when granted.
  const purpose = await db
    .selectFrom("purpose")
    .select("doubleOptIn")
    .where("id", "=", input.purposeId)
    .executeTakeFirst();
  const row = await db
    .insertInto("processingRecord")
    .values({
      doubleOptInRequired: legalBasis === "consent" && (purpose?.doubleOptIn ?? false),
      personId: input.personId,
      purposeId: input.purposeId,
      legalBasis,
      state: input.state,
      source: input.source ?? "manual",
      purposeVersion: input.purposeVersion === undefined ? 1 : input.purposeVersion,
      validUntil: input.validUntil ?? null,
      ...(column ? { [column]: at } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await refreshTrafficLights(db, [input.personId], at);
  return row.id;
}

export function sha256Hex(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

export type { StaffRole };

/** A staff user as better-auth stores one (user + credential account with the password hash). */
export async function createStaffUser(
  db: Database,
  input: { email: string; name: string; role: StaffRole; passwordHash: string; locale?: Language },
): Promise<string> {
  const id = `usr_${createHash("sha256").update(input.email).digest("hex").slice(0, 24)}`;
  await db
    .insertInto("staffUser")
    .values({
      id,
      email: input.email,
      name: input.name,
      role: input.role,
      emailVerified: true,
      locale: input.locale ?? "de",
    })
    .execute();
  await db
    .insertInto("staffAccount")
    .values({
      id: `acc_${id.slice(4)}`,
      userId: id,
      accountId: id,
      providerId: "credential",
      password: input.passwordHash,
    })
    .execute();
  return id;
}
