import {
  availableRecordEvents,
  DomainError,
  type Language,
  type LegalBasis,
  type RecordEvent,
} from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { purposesWithCurrentText } from "./purpose-texts.ts";

/**
 * Purposes of a person with what staff may record on each now (events with their basis, over the
 * purpose's allowed bases) and the text versions with the day each went live, so an offline
 * consent can name the version the person agreed to.
 */
export async function recordOptions(db: Database, personId: string, language: Language) {
  const [purposes, records] = await Promise.all([
    purposesWithCurrentText(db),
    db
      .selectFrom("processingRecord")
      .select(["purposeId", "state", "legalBasis"])
      .where("personId", "=", personId)
      .execute(),
  ]);
  const recordOf = new Map(records.map((record) => [record.purposeId, record]));
  const rows = purposes.map((purpose) => ({
    ...purpose,
    name: purpose.texts[language]?.name ?? null,
    state: recordOf.get(purpose.id)?.state ?? null,
    legalBasis: recordOf.get(purpose.id)?.legalBasis ?? null,
  }));
  const versions = await db
    .selectFrom("purposeVersion")
    .select(["purposeId", "version", (eb) => eb.fn.min("createdAt").as("liveFrom")])
    .where("language", "=", language)
    .groupBy(["purposeId", "version"])
    .orderBy("version")
    .execute();
  return rows
    .filter((row) => row.active || row.state !== null)
    .map((row) => {
      const allowed: LegalBasis[] =
        row.allowedLegalBases.length > 0 ? row.allowedLegalBases : [row.defaultLegalBasis];
      const current = row.state && row.legalBasis ? { state: row.state, legalBasis: row.legalBasis } : null;
      const available = availableRecordEvents(current, allowed).filter(
        // A retired purpose takes no new basis; what the person said can still be recorded.
        (a) => row.active || ["withdraw", "end", "object", "expire", "decline"].includes(a.event),
      );
      return {
        id: row.id,
        key: row.key,
        name: row.name,
        active: row.active,
        doubleOptIn: row.doubleOptIn,
        directMarketing: row.directMarketing,
        state: row.state,
        basis: row.legalBasis ?? row.defaultLegalBasis,
        allowedLegalBases: allowed,
        available,
        events: [...new Set(available.map((a) => a.event))] as RecordEvent[],
        versions: versions
          .filter((v) => v.purposeId === row.id)
          .map((v) => ({ version: v.version, liveFrom: new Date(v.liveFrom as unknown as string) })),
      };
    });
}

/**
 * The purpose text version live at `instant` (default for an offline consent given then), or a check
 * that a chosen version had already been published by then: nobody agrees to a text not yet written.
 */
export async function versionLiveAt(
  db: Database,
  purposeId: string,
  instant: Date,
  chosen?: number | null,
): Promise<number> {
  const row = await db
    .selectFrom("purposeVersion")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("purposeId", "=", purposeId)
    .where("createdAt", "<=", instant)
    .executeTakeFirst();
  const live = row?.version ?? null;
  if (live === null) throw new DomainError("validation", "version_not_live");
  if (chosen === undefined || chosen === null) return live;
  if (chosen > live) throw new DomainError("validation", "version_not_live");
  return chosen;
}
