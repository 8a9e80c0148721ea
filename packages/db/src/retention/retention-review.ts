import {
  checkManualRetention,
  DomainError,
  effectiveRetainUntil,
  retentionDateChangeRequiredRole,
  roleAtLeast,
  type StaffRole,
} from "@purposeful/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { erasePerson } from "../erasure/erase-person.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { controllerToday } from "./retention-sql.ts";

type Staff = { id: string; role: StaffRole };

const inTransaction = <T>(db: Database, run: (trx: Database) => Promise<T>): Promise<T> =>
  db.isTransaction ? run(db) : db.transaction().execute(run);

async function lockPerson(trx: Database, personId: string) {
  if (!isUuid(personId)) throw new DomainError("not_found", "person_not_found");
  const person = await trx
    .selectFrom("person")
    .select(["id", "retentionReviewAt", "retentionManualUntil", "retainUntil", "erasedLevel"])
    .where("id", "=", personId.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  return person;
}

/**
 * Art. 5(1)(e), 5(2) GDPR: sets (or, with `until` null, removes) the retention date staff chose by
 * hand, with its reason; it replaces the computed retain-until, earlier or later (earlier only by
 * the DPO: `retentionDateChangeRequiredRole`). The reason may name the person's affairs, so the
 * audit keeps it encrypted for them. `postpone` also requires a day after today and ends a
 * pending review.
 */
export async function setManualRetention(
  db: Database,
  input: {
    personId: string;
    until: string | null;
    reason: string;
    actor: Staff;
    now: Date;
    postpone?: boolean;
  },
): Promise<{ until: string | null }> {
  const today = controllerToday(input.now);
  const checked =
    input.until === null
      ? null
      : checkManualRetention({ until: input.until, reason: input.reason }, today, {
          postpone: input.postpone ?? false,
        });
  return inTransaction(db, async (trx) => {
    const person = await lockPerson(trx, input.personId);
    if (input.postpone && !person.retentionReviewAt)
      throw new DomainError("conflict", "retention_not_under_review");
    if (person.erasedLevel >= 3) throw new DomainError("conflict", "already_erased");
    const required = retentionDateChangeRequiredRole(
      effectiveRetainUntil(person.retainUntil, person.retentionManualUntil),
      effectiveRetainUntil(person.retainUntil, checked?.until ?? null),
    );
    if (!roleAtLeast(input.actor.role, required))
      throw new DomainError("forbidden", "retention_shorten_dpo_only");
    await trx
      .updateTable("person")
      .set({
        retentionManualUntil: checked?.until ?? null,
        retentionManualReason: checked?.reason ?? null,
        ...(input.postpone ? { retentionReviewAt: null } : {}),
        updatedAt: input.now,
      })
      .where("id", "=", person.id)
      .execute();
    await recordAudit(trx, {
      actor: { type: "staff", id: input.actor.id },
      action: input.postpone ? "person.retention_postponed" : "person.retention_date_set",
      entityType: "person",
      entityId: person.id,
      personId: person.id,
      changes: { from: person.retentionManualUntil, to: checked?.until ?? null },
      personal: checked ? { after: { reason: checked.reason } } : null,
      at: input.now,
    });
    return { until: checked?.until ?? null };
  });
}

/** The DPO postpones a queued person's erasure to a later day, with a reason; the review ends. */
export function postponeRetention(
  db: Database,
  input: { personId: string; until: string; reason: string; actor: Staff; now: Date },
): Promise<{ until: string | null }> {
  return setManualRetention(db, { ...input, postpone: true });
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

/** A person's retention facts for their page: computed and manual date, reason, review. */
export async function personRetention(db: Database, personId: string) {
  if (!isUuid(personId)) throw new DomainError("not_found", "person_not_found");
  const person = await db
    .selectFrom("person")
    .select([
      "retainUntil",
      "retentionManualUntil as manualUntil",
      "retentionManualReason as manualReason",
      "retentionReviewAt as reviewAt",
      "erasedLevel",
      "restricted",
    ])
    .where("id", "=", personId.toLowerCase())
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  return { ...person, effectiveUntil: effectiveRetainUntil(person.retainUntil, person.manualUntil) };
}
