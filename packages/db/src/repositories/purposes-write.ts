import {
  allowedLegalBasesOf,
  checkThirdCountryTransfers,
  DomainError,
  decideMaterialChange,
  type MaterialReason,
  type PurposeScope,
  type ThirdCountryTransfer,
} from "@purposeful/domain";
import { sql, type Updateable } from "kysely";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { enqueueBulkJob } from "../jobs/bulk-jobs.ts";
import { purposeLightsJob } from "../jobs/purpose-lights-job.ts";
import type { DB } from "../tables/generated.ts";
import {
  purposeLanguages as languages,
  type NewPurposeEntry,
  type PurposeEntryUpdate,
  type PurposeTextsInput,
  validatePurposeFields as validate,
} from "./purpose-rules.ts";
import { purposesWithCurrentText } from "./purpose-texts.ts";

/** Browsers submit textarea line breaks as CRLF; stored texts use LF, so an unchanged text compares equal. */
function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

function cleanList(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

/** One key order, as jsonb returns it, so that an unchanged list compares equal. */
function transferOf({ country, recipient, safeguard }: ThirdCountryTransfer): ThirdCountryTransfer {
  return { country, recipient, safeguard };
}

/** Trimmed, upper-case ISO codes, repeats dropped; the domain decides whether each is a transfer. */
function cleanTransfers(transfers: readonly ThirdCountryTransfer[]): ThirdCountryTransfer[] {
  const seen = new Map<string, ThirdCountryTransfer>();
  for (const t of transfers) {
    const clean = transferOf({
      country: t.country.trim().toUpperCase(),
      recipient: cleanText(t.recipient),
      safeguard: t.safeguard,
    });
    seen.set(JSON.stringify(clean), clean);
  }
  const cleaned = [...seen.values()];
  checkThirdCountryTransfers(cleaned);
  return cleaned;
}

// A JS array would be sent as a PostgreSQL array, not as JSON.
const asJsonb = (transfers: ThirdCountryTransfer[]) =>
  sql<ThirdCountryTransfer[]>`${JSON.stringify(transfers)}::jsonb`;

async function insertVersion(
  trx: Database,
  purposeId: string,
  version: number,
  texts: PurposeTextsInput,
  material: boolean,
  actor: Actor,
  at: Date,
) {
  await trx
    .insertInto("purposeVersion")
    .values(
      languages.map((language) => ({
        purposeId,
        version,
        language,
        name: cleanText(texts[language].name),
        description: cleanText(texts[language].description),
        material,
        createdBy: actor.id,
        createdAt: at,
      })),
    )
    .execute();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** Creates a purpose with version 1 of its texts; nobody has a record of it yet (Art. 25(2)). */
export async function createPurposeEntry(
  trx: Database,
  input: NewPurposeEntry,
  actor: Actor,
  at: Date,
): Promise<{ id: string }> {
  validate(input);
  const taken = await trx.selectFrom("purpose").select("id").where("key", "=", input.key).executeTakeFirst();
  if (taken) throw new DomainError("conflict", "purpose_key_taken");
  const values = {
    key: input.key,
    defaultLegalBasis: input.defaultLegalBasis,
    channels: [...new Set(input.channels)],
    doubleOptIn: input.doubleOptIn,
    retentionPeriod: input.retentionPeriod,
    dataCategories: cleanList(input.dataCategories),
    recipients: cleanList(input.recipients),
    active: input.active,
    directMarketing: input.directMarketing ?? false,
    ownSimilarGoods: input.ownSimilarGoods ?? false,
    allowedLegalBases: allowedLegalBasesOf(input.defaultLegalBasis, input.allowedLegalBases),
    dataSubjectCategories: cleanList(input.dataSubjectCategories ?? []),
    thirdCountryTransfers: cleanTransfers(input.thirdCountryTransfers ?? []),
    profiling: input.profiling ?? false,
  };
  const purpose = await trx
    .insertInto("purpose")
    .values({
      ...values,
      thirdCountryTransfers: asJsonb(values.thirdCountryTransfers),
      currentVersion: 1,
      minValidVersion: 1,
      createdAt: at,
      updatedAt: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new DomainError("conflict", "purpose_key_taken");
      throw error;
    });
  await insertVersion(trx, purpose.id, 1, input.texts, false, actor, at);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, after] of Object.entries(values)) changes[field] = { before: null, after };
  for (const language of languages)
    for (const part of ["name", "description"] as const)
      changes[`texts.${language}.${part}`] = { before: null, after: cleanText(input.texts[language][part]) };
  await recordAudit(trx, {
    actor,
    action: "purpose.created",
    entityType: "purpose",
    entityId: purpose.id,
    changes: { key: input.key, version: 1, fields: changes },
    at,
  });
  return { id: purpose.id };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes a purpose. A text change (either language) adds a version with both languages and
 * keeps the old ones (Art. 7(1): which text a person agreed to must stay provable). A material
 * change (`decideMaterialChange`: any widening of the scope, or a text the editor marked) adds a
 * version even without new texts and makes consents to older versions invalid. Lights that may
 * change are not recomputed here: a bulk job for the purpose's holders is queued in this
 * transaction (`lightsJobId`), so the edit returns at once. The key never changes.
 */
export async function updatePurposeEntry(
  trx: Database,
  id: string,
  input: PurposeEntryUpdate,
  actor: Actor,
  at: Date,
): Promise<{
  id: string;
  version: number;
  changed: boolean;
  material: boolean;
  reasons: MaterialReason[];
  lightsJobId: string | null;
}> {
  validate(input);
  const [current] = await purposesWithCurrentText(trx, { ids: [id], lock: true });
  if (!current) throw new DomainError("not_found", "purpose_not_found");

  const fields: Record<string, { before: unknown; after: unknown }> = {};
  const rowUpdate: Updateable<DB["purpose"]> = {};
  const defaultLegalBasis = input.defaultLegalBasis ?? current.defaultLegalBasis;
  const next = {
    defaultLegalBasis: input.defaultLegalBasis,
    channels: input.channels && [...new Set(input.channels)],
    doubleOptIn: input.doubleOptIn,
    retentionPeriod: input.retentionPeriod,
    dataCategories: input.dataCategories && cleanList(input.dataCategories),
    recipients: input.recipients && cleanList(input.recipients),
    active: input.active,
    directMarketing: input.directMarketing,
    ownSimilarGoods: input.ownSimilarGoods,
    // Always stored non-empty: the given list, else the current one, else the default basis alone.
    allowedLegalBases: allowedLegalBasesOf(
      defaultLegalBasis,
      input.allowedLegalBases ?? current.allowedLegalBases,
    ),
    dataSubjectCategories: input.dataSubjectCategories && cleanList(input.dataSubjectCategories),
    thirdCountryTransfers: input.thirdCountryTransfers && cleanTransfers(input.thirdCountryTransfers),
    profiling: input.profiling,
  };
  const stored = { ...current, thirdCountryTransfers: current.thirdCountryTransfers.map(transferOf) };
  for (const [field, after] of Object.entries(next)) {
    const before = stored[field as keyof typeof next];
    if (after === undefined || sameValue(before, after)) continue;
    fields[field] = { before, after };
    (rowUpdate as Record<string, unknown>)[field] =
      field === "thirdCountryTransfers" ? asJsonb(after as ThirdCountryTransfer[]) : after;
  }

  const oldTexts = current.texts;
  const newTexts = {} as PurposeTextsInput;
  for (const language of languages) {
    const before = oldTexts[language] ?? { name: "", description: "" };
    const given = input.texts?.[language];
    const after = given ? { name: cleanText(given.name), description: cleanText(given.description) } : before;
    if (!after.name || !after.description) throw new DomainError("validation", "invalid_purpose", "text");
    newTexts[language] = after;
    for (const part of ["name", "description"] as const)
      if (before[part] !== after[part])
        fields[`texts.${language}.${part}`] = { before: before[part] || null, after: after[part] };
  }
  const textChanged = Object.keys(fields).some((field) => field.startsWith("texts."));
  const { material, reasons } = decideMaterialChange({
    before: scopeOf(stored),
    after: scopeOf({ ...stored, ...definedOnly(next) }),
    textsChanged: textChanged,
    markedMaterial: input.material === true,
  });
  if (Object.keys(fields).length === 0)
    return { id, version: current.currentVersion, changed: false, material, reasons, lightsJobId: null };

  const newVersion = textChanged || material;
  const version = newVersion ? current.currentVersion + 1 : current.currentVersion;
  if (newVersion) {
    await insertVersion(trx, id, version, newTexts, material, actor, at);
    rowUpdate.currentVersion = version;
    if (material) rowUpdate.minValidVersion = version;
  }
  await trx
    .updateTable("purpose")
    .set({ ...rowUpdate, updatedAt: at })
    .where("id", "=", id)
    .execute();
  // Validity of existing records depends on these, their holders' retain-until on the period:
  // everyone holding one gets a fresh light and retain-until, later.
  const lightsJob =
    material || "active" in fields || "doubleOptIn" in fields || "retentionPeriod" in fields
      ? await enqueueBulkJob(trx, { kind: purposeLightsJob, subjectId: id, actor, at })
      : null;
  await recordAudit(trx, {
    actor,
    action: newVersion ? "purpose.version_created" : "purpose.updated",
    entityType: "purpose",
    entityId: id,
    changes: {
      key: current.key,
      ...(newVersion ? { version, previousVersion: current.currentVersion, material } : {}),
      ...(material ? { reasons } : {}),
      ...(lightsJob ? { lightsJobId: lightsJob.id } : {}),
      fields,
    },
    at,
  });
  return { id, version, changed: true, material, reasons, lightsJobId: lightsJob?.id ?? null };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

type ScopeFacts = Omit<PurposeScope, "transfers"> & { thirdCountryTransfers: ThirdCountryTransfer[] };

function scopeOf(purpose: ScopeFacts): PurposeScope {
  const {
    channels,
    recipients,
    dataCategories,
    defaultLegalBasis,
    directMarketing,
    ownSimilarGoods,
    thirdCountryTransfers,
    profiling,
  } = purpose;
  // Rows written before the list existed allow only their default basis.
  const allowed = purpose.allowedLegalBases.length > 0 ? purpose.allowedLegalBases : [defaultLegalBasis];
  return {
    channels,
    recipients,
    dataCategories,
    defaultLegalBasis,
    allowedLegalBases: allowed,
    directMarketing,
    ownSimilarGoods,
    transfers: thirdCountryTransfers,
    profiling,
  };
}
