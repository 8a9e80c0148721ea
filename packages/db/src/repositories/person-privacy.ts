import { DomainError, decideManualRetention, decideRestrictionChange } from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { uuidPattern } from "./persons-edit-input.ts";

// Restriction of processing (Art. 18) and the manual retention date (Art. 5(1)(e)) of a person.

const privacyColumns = [
  "id",
  "erasedLevel",
  "restricted",
  "restrictedAt",
  "restrictionReason",
  "retainUntil",
  "retentionManualUntil",
  "retentionManualReason",
] as const;

/** Locks the person for the change; an unknown or fully erased person cannot be changed. */
async function lockPrivacy(trx: Database, personId: string) {
  if (!uuidPattern.test(personId)) throw new DomainError("not_found", "person_not_found");
  const person = await trx
    .selectFrom("person")
    .select(privacyColumns)
    .where("id", "=", personId)
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  if (person.erasedLevel >= 3) throw new DomainError("invalid_transition", "person_erased");
  return person;
}

/**
 * Art. 18(1) GDPR: restricts the processing of the person's data with a reason (kept on the person,
 * encrypted in the audit event). From now on the person is stored but left out of every list,
 * check, request and mail the law does not allow (see ARCHITECTURE "Suppression, restriction").
 */
export async function restrictProcessing(
  trx: Database,
  personId: string,
  input: { reason: string },
  actor: Actor,
  at: Date,
): Promise<void> {
  const person = await lockPrivacy(trx, personId);
  const { reason } = decideRestrictionChange(person, "restrict", input.reason);
  await trx
    .updateTable("person")
    .set({ restricted: true, restrictedAt: at, restrictionReason: reason, updatedAt: at })
    .where("id", "=", personId)
    .execute();
  await recordAudit(trx, {
    actor,
    action: "person.restricted",
    entityType: "person",
    entityId: personId,
    personId,
    changes: { restricted: true },
    personal: { after: { restrictionReason: reason } },
    at,
  });
}

/**
 * Lifts the restriction with a reason. Returns when it had begun, for the notice the person gets
 * (Art. 18(3) GDPR), which the caller queues in the same transaction.
 */
export async function liftRestriction(
  trx: Database,
  personId: string,
  input: { reason: string },
  actor: Actor,
  at: Date,
): Promise<{ restrictedAt: Date | null }> {
  const person = await lockPrivacy(trx, personId);
  const { reason } = decideRestrictionChange(person, "lift", input.reason);
  await trx
    .updateTable("person")
    .set({ restricted: false, restrictedAt: null, restrictionReason: null, updatedAt: at })
    .where("id", "=", personId)
    .execute();
  await recordAudit(trx, {
    actor,
    action: "person.restriction_lifted",
    entityType: "person",
    entityId: personId,
    personId,
    changes: { restricted: false, restrictedSince: person.restrictedAt?.toISOString() ?? null },
    personal: {
      before: { restrictionReason: person.restrictionReason },
      after: { liftReason: reason },
    },
    at,
  });
  return { restrictedAt: person.restrictedAt };
}

/**
 * Sets the person's retain-until date by hand (it replaces the computed one, `effectiveRetainUntil`),
 * with a reason; the dates go into the audit event's facts, the reason only encrypted.
 */
export async function setManualRetention(
  trx: Database,
  personId: string,
  input: { until: string; reason: string },
  actor: Actor,
  at: Date,
): Promise<void> {
  const { until, reason } = decideManualRetention(input);
  const person = await lockPrivacy(trx, personId);
  await trx
    .updateTable("person")
    .set({ retentionManualUntil: until, retentionManualReason: reason, updatedAt: at })
    .where("id", "=", personId)
    .execute();
  await recordAudit(trx, {
    actor,
    action: "person.retention_date_set",
    entityType: "person",
    entityId: personId,
    personId,
    changes: { until, previous: person.retentionManualUntil, computed: person.retainUntil },
    personal: { after: { retentionReason: reason } },
    at,
  });
}

/** Removes the manual date, so the computed one applies again; false when none was set. */
export async function clearManualRetention(
  trx: Database,
  personId: string,
  actor: Actor,
  at: Date,
): Promise<boolean> {
  const person = await lockPrivacy(trx, personId);
  if (person.retentionManualUntil === null) return false;
  await trx
    .updateTable("person")
    .set({ retentionManualUntil: null, retentionManualReason: null, updatedAt: at })
    .where("id", "=", personId)
    .execute();
  await recordAudit(trx, {
    actor,
    action: "person.retention_date_cleared",
    entityType: "person",
    entityId: personId,
    personId,
    changes: { previous: person.retentionManualUntil, computed: person.retainUntil },
    personal: { before: { retentionReason: person.retentionManualReason } },
    at,
  });
  return true;
}

/**
 * What the person page shows about restriction and retention: the stored facts, and who set the
 * manual date when (from its audit event).
 */
export async function personPrivacy(db: Database, personId: string) {
  if (!uuidPattern.test(personId)) return null;
  const person = await db
    .selectFrom("person")
    .select(privacyColumns)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return null;
  const setBy =
    person.retentionManualUntil === null
      ? null
      : await db
          .selectFrom("auditEvent")
          .leftJoin("staffUser", (join) =>
            join.onRef("staffUser.id", "=", "auditEvent.actorId").on("auditEvent.actorType", "=", "staff"),
          )
          .select(["auditEvent.actorType", "staffUser.name as staffName", "auditEvent.occurredAt"])
          .where("auditEvent.personId", "=", personId)
          .where("auditEvent.action", "=", "person.retention_date_set")
          .orderBy("auditEvent.id", "desc")
          .limit(1)
          .executeTakeFirst();
  return {
    restricted: person.restricted,
    restrictedAt: person.restrictedAt,
    restrictionReason: person.restrictionReason,
    /** computed from the records (written by the retention computation) */
    retainUntil: person.retainUntil,
    manual:
      person.retentionManualUntil === null
        ? null
        : {
            until: person.retentionManualUntil,
            reason: person.retentionManualReason ?? "",
            setBy: setBy?.staffName ?? null,
            setByType: setBy?.actorType ?? null,
            setAt: setBy?.occurredAt ?? null,
          },
  };
}
