import type { Database } from "../create-database.ts";
import { type PurposeLanguage, type PurposeText, purposeColumns, purposeLanguages } from "./purpose-rules.ts";

export interface PurposeTextFilter {
  /** Only these purposes (none: an empty result, no query). */
  ids?: readonly string[];
  active?: boolean;
  /** Only purposes whose default basis is consent (what a person can tick, Art. 7(4)). */
  consentOnly?: boolean;
  /** Locks the purpose rows until the transaction ends, so their texts cannot change meanwhile. */
  lock?: boolean;
}

type PurposeRow = Awaited<ReturnType<typeof selectPurposes>>[number];
type PurposeFacts = Omit<PurposeRow, "language" | "name" | "description">;

/** A purpose's facts and the texts of its current version, by language (a language may be missing). */
export type PurposeWithText = PurposeFacts & { texts: Partial<Record<PurposeLanguage, PurposeText>> };

function selectPurposes(db: Database, filter: PurposeTextFilter) {
  let query = db
    .selectFrom("purpose as p")
    .leftJoin("purposeVersion as v", (join) =>
      join.onRef("v.purposeId", "=", "p.id").onRef("v.version", "=", "p.currentVersion"),
    )
    .select([...purposeColumns, "v.language", "v.name", "v.description"]);
  if (filter.ids) query = query.where("p.id", "in", [...filter.ids]);
  if (filter.active !== undefined) query = query.where("p.active", "=", filter.active);
  if (filter.consentOnly) query = query.where("p.defaultLegalBasis", "=", "consent");
  if (filter.lock) query = query.forUpdate("p");
  return query.orderBy("p.key").orderBy("v.language").execute();
}

/**
 * The one query for "purposes with their current text": each purpose (ordered by key) with its
 * facts and the name and description of its current version in every language it has.
 */
export async function purposesWithCurrentText(
  db: Database,
  filter: PurposeTextFilter = {},
): Promise<PurposeWithText[]> {
  if (filter.ids?.length === 0) return [];
  const rows = await selectPurposes(db, filter);
  const byId = new Map<string, PurposeWithText>();
  for (const { language, name, description, ...facts } of rows) {
    let purpose = byId.get(facts.id);
    if (!purpose) {
      purpose = { ...facts, texts: {} };
      byId.set(facts.id, purpose);
    }
    if (language !== null && name !== null && description !== null)
      purpose.texts[language] = { name, description };
  }
  return [...byId.values()];
}

/**
 * The current text in `language`; with `fallback`, the other language where that one is missing.
 * Null when there is none.
 */
export function currentTextIn(
  purpose: Pick<PurposeWithText, "texts">,
  language: PurposeLanguage,
  options: { fallback?: boolean } = {},
): (PurposeText & { language: PurposeLanguage }) | null {
  const exact = purpose.texts[language];
  if (exact) return { language, ...exact };
  if (!options.fallback) return null;
  for (const other of purposeLanguages) {
    const text = purpose.texts[other];
    if (text) return { language: other, ...text };
  }
  return null;
}
