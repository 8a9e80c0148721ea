import {
  DomainError,
  type ErasureLevel,
  type ErasurePlan,
  type ErasureReason,
  type ErasureStep,
  isErasureLevel,
  isErasureReason,
  mayErase,
  planErasure,
} from "@purposeful/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { auditActorOf, type ErasureActor, erasePersonsWithPlans, todayOf } from "./erase-persons.ts";
import { isUuid, loadErasureFacts } from "./erasure-facts.ts";

function assertLevel(level: number): asserts level is ErasureLevel {
  if (!isErasureLevel(level)) throw new DomainError("validation", "erasure_level_invalid", String(level));
}

const inTransaction = <T>(db: Database, run: (trx: Database) => Promise<T>): Promise<T> =>
  db.isTransaction ? run(db) : db.transaction().execute(run);

/** What an erasure at `level` would do now, for the preview; the same plan `erasePerson` runs. */
export async function previewErasure(
  db: Database,
  input: { personId: string; level: number; now: Date },
): Promise<ErasurePlan & { erasedLevel: 0 | ErasureLevel }> {
  assertLevel(input.level);
  const facts = await loadErasureFacts(db, input.personId, input.now);
  return { ...planErasure(input.level, facts, todayOf(input.now)), erasedLevel: facts.alreadyErasedLevel };
}

/**
 * Erases one person at `level`, in one transaction of its own, through the same set-based code as
 * the retention sweep. Every check comes first; on any error nothing is changed.
 */
export async function erasePerson(
  db: Database,
  input: {
    personId: string;
    level: number;
    reason: string;
    note?: string | null;
    actor: ErasureActor;
    now: Date;
    suppressionSecret: string;
  },
): Promise<{ erasureId: string; plan: ErasurePlan }> {
  const { level } = input;
  assertLevel(level);
  const reason = input.reason?.trim() ?? "";
  if (!isErasureReason(reason)) throw new DomainError("validation", "erasure_reason_required");
  if (input.actor.type === "staff" && !mayErase(input.actor.role, level))
    throw new DomainError("forbidden", "erasure_role_too_low");
  if (!isUuid(input.personId)) throw new DomainError("not_found", "person_not_found");
  const personId = input.personId.toLowerCase();
  const note = input.note?.trim() || null;
  return inTransaction(db, async (trx) => {
    const person = await trx
      .selectFrom("person")
      .select("erasedLevel")
      .where("id", "=", personId)
      .forUpdate()
      .executeTakeFirst();
    if (!person) throw new DomainError("not_found", "person_not_found");
    if (person.erasedLevel >= level) throw new DomainError("conflict", "already_erased");
    const { erased } = await erasePersonsWithPlans(trx, {
      personIds: [personId],
      level,
      reason: reason as ErasureReason,
      note,
      actor: input.actor,
      now: input.now,
      suppressionSecret: input.suppressionSecret,
    });
    const [result] = erased;
    if (!result) throw new DomainError("conflict", "already_erased");
    return { erasureId: result.erasureId, plan: result.plan };
  });
}

/** Art. 19 GDPR: the recipients of an erasure were told; kept once, with who and when, and audited. */
export async function markErasureRecipientsNotified(
  db: Database,
  input: { erasureId: string; actor: ErasureActor; now: Date },
): Promise<void> {
  if (!isUuid(input.erasureId)) throw new DomainError("not_found", "erasure_not_found");
  await inTransaction(db, async (trx) => {
    const erasure = await trx
      .selectFrom("erasure")
      .select(["id", "personId", "recipients", "recipientsNotifiedAt"])
      .where("id", "=", input.erasureId)
      .forUpdate()
      .executeTakeFirst();
    if (!erasure) throw new DomainError("not_found", "erasure_not_found");
    if (erasure.recipientsNotifiedAt) return;
    const actor = auditActorOf(input.actor);
    await trx
      .updateTable("erasure")
      .set({ recipientsNotifiedAt: input.now, recipientsNotifiedBy: actor.id })
      .where("id", "=", erasure.id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "erasure.recipients_notified",
      entityType: "erasure",
      entityId: erasure.id,
      personId: erasure.personId,
      changes: { recipients: erasure.recipients.length },
      at: input.now,
    });
  });
}

export interface PersonErasure {
  id: string;
  level: ErasureLevel;
  reason: ErasureReason;
  note: string | null;
  actorType: ErasureActor["type"];
  actorId: string | null;
  steps: ErasureStep[];
  held: Array<{ table: string; id: string; key: string; until: string }>;
  recipients: string[];
  recipientsNotifiedAt: Date | null;
  erasedAt: Date;
}

/** A person's erasures, newest first. */
export async function listPersonErasures(db: Database, personId: string): Promise<PersonErasure[]> {
  if (!isUuid(personId)) return [];
  const rows = await db
    .selectFrom("erasure")
    .select([
      "id",
      "level",
      "reason",
      "note",
      "actorType",
      "actorId",
      "steps",
      "held",
      "recipients",
      "recipientsNotifiedAt",
      "erasedAt",
    ])
    .where("personId", "=", personId)
    .orderBy("erasedAt", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => ({
    ...row,
    level: row.level as ErasureLevel,
    steps: row.steps as unknown as ErasureStep[],
    held: row.held as unknown as PersonErasure["held"],
  }));
}
