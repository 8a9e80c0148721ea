import { legalBasisArticle, transferSafeguardArticle } from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { type PurposeLanguage, type PurposeTextsInput, purposeColumns } from "./purpose-rules.ts";
import { purposesWithCurrentText } from "./purpose-texts.ts";
import { getCompanySettings } from "./settings.ts";

export * from "./purpose-rules.ts";
export { createPurposeEntry, updatePurposeEntry } from "./purposes-write.ts";

/** The catalogue, named in `language` from each purpose's current version (null where missing). */
export async function listPurposes(db: Database, language: PurposeLanguage) {
  const purposes = await purposesWithCurrentText(db);
  return purposes.map(({ texts, ...purpose }) => ({
    ...purpose,
    name: texts[language]?.name ?? null,
    description: texts[language]?.description ?? null,
  }));
}

/** Purposes for filters and pickers, named in `language` (null where that text is missing). */
export async function purposeOptions(db: Database, language: PurposeLanguage) {
  const purposes = await purposesWithCurrentText(db);
  return purposes.map((purpose) => ({
    id: purpose.id,
    key: purpose.key,
    name: purpose.texts[language]?.name ?? null,
    active: purpose.active,
    defaultLegalBasis: purpose.defaultLegalBasis,
  }));
}

export interface PurposeVersionView {
  version: number;
  material: boolean;
  createdAt: Date;
  createdBy: string | null;
  createdByName: string | null;
  texts: Partial<PurposeTextsInput>;
}

/** One purpose with every version of its texts (newest first), or null. */
export async function getPurpose(db: Database, id: string) {
  const purpose = await db
    .selectFrom("purpose as p")
    .select(purposeColumns)
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!purpose) return null;
  const rows = await db
    .selectFrom("purposeVersion as v")
    .leftJoin("staffUser as s", "s.id", "v.createdBy")
    .select([
      "v.version",
      "v.language",
      "v.name",
      "v.description",
      "v.material",
      "v.createdAt",
      "v.createdBy",
    ])
    .select("s.name as createdByName")
    .where("v.purposeId", "=", id)
    .orderBy("v.version", "desc")
    .orderBy("v.language")
    .execute();
  const versions: PurposeVersionView[] = [];
  for (const row of rows) {
    let entry = versions.find((v) => v.version === row.version);
    if (!entry) {
      entry = { ...row, texts: {} };
      versions.push(entry);
    }
    entry.texts[row.language] = { name: row.name, description: row.description };
  }
  return {
    ...purpose,
    versions: versions.map(({ version, material, createdAt, createdBy, createdByName, texts }) => ({
      version,
      material,
      createdAt,
      createdBy,
      createdByName,
      texts,
    })),
  };
}

/**
 * The records of processing (Art. 30(1)(b)–(f)): one row per purpose, texts of its current version:
 * (b) purpose, (c) categories of data subjects and of data, (d) recipients, (e) third-country
 * transfers with their ground, (f) the erasure period. (a) and (g) are the register's header.
 */
export async function exportRegister(db: Database, language: PurposeLanguage) {
  const rows = await listPurposes(db, language);
  return rows.map((row) => ({
    key: row.key,
    name: row.name ?? row.key,
    description: row.description ?? "",
    legalBasis: row.defaultLegalBasis,
    legalBasisArticle: legalBasisArticle[row.defaultLegalBasis],
    allowedLegalBases: row.allowedLegalBases.length > 0 ? row.allowedLegalBases : [row.defaultLegalBasis],
    directMarketing: row.directMarketing,
    ownSimilarGoods: row.ownSimilarGoods,
    profiling: row.profiling,
    dataSubjectCategories: row.dataSubjectCategories,
    dataCategories: row.dataCategories,
    recipients: row.recipients,
    thirdCountryTransfers: row.thirdCountryTransfers.map(({ country, recipient, safeguard }) => ({
      country,
      recipient,
      safeguard,
      safeguardArticle: transferSafeguardArticle[safeguard],
    })),
    retentionPeriod: row.retentionPeriod,
    doubleOptIn: row.doubleOptIn,
    channels: row.channels,
    active: row.active,
    currentVersion: row.currentVersion,
  }));
}

export type RegisterRow = Awaited<ReturnType<typeof exportRegister>>[number];

/** What the register says once, above its rows: who keeps it and how the data is protected. */
export interface RegisterHeader {
  /** Art. 30(1)(a): the controller's name and contact details */
  controller: { name: string; address: string; email: string; phone: string; privacyContact: string };
  /** Art. 30(1)(a), 37(7): the data protection officer's contact details (empty where none is named) */
  dpo: { name: string; email: string; address: string; phone: string };
  /** Art. 51, 77: the competent supervisory authority */
  authority: { name: string; address: string; url: string };
  /** Art. 30(1)(g), 32(1): a general description of the technical and organisational measures */
  technicalMeasures: string;
}

/** The register's header facts from the company settings. */
export async function exportRegisterHeader(db: Database): Promise<RegisterHeader> {
  const c = await getCompanySettings(db);
  return {
    controller: {
      name: c.name,
      address: c.address,
      email: c.controllerEmail,
      phone: c.controllerPhone,
      privacyContact: c.privacyContact,
    },
    dpo: { name: c.dpoName, email: c.dpoEmail, address: c.dpoAddress, phone: c.dpoPhone },
    authority: { name: c.authorityName, address: c.authorityAddress, url: c.authorityUrl },
    technicalMeasures: c.technicalMeasures,
  };
}
