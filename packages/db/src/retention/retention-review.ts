import { checkPostponement, DomainError, decideManualRetention, type StaffRole } from "@purposeful/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { erasePerson } from "../erasure/erase-person.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { setManualRetention } from "../repositories/person-privacy.ts";
import { controllerToday } from "./retention-sql.ts";

type Staff = { id: string; role: StaffRole };

const inTransaction = <T>(db: Database, run: (trx: Database) => Promise<T>): Promise<T> =>
  db.isTransaction ? run(db) : db.transaction().execute(run);

async function lockPerson(trx: Database, personId: string) {
  if (!isUuid(personId)) throw new DomainError("not_found", "person_not_found");
  const person = await trx
    .selectFrom("person")
    .select(["id", "retentionReviewAt", "erasedLevel"])
    .where("id", "=", personId.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  return person;
}

/**
 * The DPO postpones a queued person's erasure to a later day, with a reason: the manual retention
 * date (`setManualRetention`, audited with the reason encrypted for the person), and the review ends.
 */
export async function postponeRetention(
  db: Database,
  input: { personId: string; until: string; reason: string; actor: Staff; now: Date },
): Promise<{ until: string }> {
  const { until, reason } = decideManualRetention(input);
  checkPostponement(until, controllerToday(input.now));
  return inTransaction(db, async (trx) => {
    const person = await lockPerson(trx, input.personId);
    if (!person.retentionReviewAt) throw new DomainError("conflict", "retention_not_under_review");
    const actor = { type: "staff" as const, id: input.actor.id };
    await setManualRetention(trx, person.id, { until, reason }, actor, input.now);
    await trx.updateTable("person").set({ retentionReviewAt: null }).where("id", "=", person.id).execute();
    await recordAudit(trx, {
      actor,
      action: "person.retention_review_postponed",
      entityType: "person",
      entityId: person.id,
      personId: person.id,
      changes: { until, queuedAt: person.retentionReviewAt.toISOString() },
      at: input.now,
    });
    return { until };
  });
}

/**
 * The DPO approves a queued person's erasure: level 3 through the erasure engine (which checks the
 * role), the review closed and the decision audited, in one transaction.
 */
export async function approveRetentionErasure(
  db: Database,
  input: { personId: string; actor: Staff; now: Date; suppressionSecret: string },
): Promise<{ erasureId: string }> {
  return inTransaction(db, async (trx) => {
    const person = await lockPerson(trx, input.personId);
    if (!person.retentionReviewAt) throw new DomainError("conflict", "retention_not_under_review");
    await recordAudit(trx, {
      actor: { type: "staff", id: input.actor.id },
      action: "person.retention_review_approved",
      entityType: "person",
      entityId: person.id,
      personId: person.id,
      changes: { level: 3, queuedAt: person.retentionReviewAt.toISOString() },
      at: input.now,
    });
    const { erasureId } = await erasePerson(trx, {
      personId: person.id,
      level: 3,
      reason: "retention_expiry",
      actor: { type: "staff", id: input.actor.id, role: input.actor.role },
      now: input.now,
      suppressionSecret: input.suppressionSecret,
    });
    await trx.updateTable("person").set({ retentionReviewAt: null }).where("id", "=", person.id).execute();
    return { erasureId };
  });
}
