import { type CaseStepRecord, DomainError } from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";

/**
 * Who changed a case, when: a staff member, or (`staffUserId: null`) the data subject themselves,
 * who filed a request on the microsite after confirming the link sent to their address.
 */
export type CaseActor = { staffUserId: string | null; at: Date };

/** Who the audit trail names: the staff user, or the data subject who filed on the microsite. */
export const caseAuditActor = (by: CaseActor, personId: string | null): Actor =>
  by.staffUserId === null ? { type: "data_subject", id: personId } : { type: "staff", id: by.staffUserId };

/** The persons a case is about, each once; DomainError person_not_found for any unknown id. */
export async function existingPersons(trx: Database, ids: readonly string[]): Promise<string[]> {
  const personIds = [...new Set(ids)];
  if (personIds.some((id) => !isUuid(id))) throw new DomainError("not_found", "person_not_found");
  if (personIds.length > 0) {
    const found = await trx.selectFrom("person").select("id").where("id", "in", personIds).execute();
    if (found.length !== personIds.length) throw new DomainError("not_found", "person_not_found");
  }
  return personIds;
}

/**
 * Audits a change of a case once per linked person, so each person's history (and their Art. 15
 * copy) shows it; once without a person when none is linked. `changes` never hold requester data.
 */
export async function auditCaseChange(
  trx: Database,
  event: {
    entityType: "data_subject_request" | "incident";
    entityId: string;
    personIds: readonly string[];
    action: string;
    changes: Record<string, unknown>;
  },
  by: CaseActor,
): Promise<void> {
  for (const personId of event.personIds.length > 0 ? event.personIds : [null])
    await recordAudit(trx, {
      actor: caseAuditActor(by, personId),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      personId,
      changes: event.changes,
      at: by.at,
    });
}

/** A request case or an incident: `case_link` and `case_step` rows belong to one of the two. */
export type CaseRef = { requestId: string } | { incidentId: string };

const caseColumn = (ref: CaseRef) =>
  "requestId" in ref ? (["requestId", ref.requestId] as const) : (["incidentId", ref.incidentId] as const);

/** Links the persons a case is about. */
export async function linkPersons(trx: Database, ref: CaseRef, personIds: readonly string[], at: Date) {
  if (personIds.length === 0) return;
  await trx
    .insertInto("caseLink")
    .values(personIds.map((personId) => ({ ...ref, personId, createdAt: at })))
    .execute();
}

/** The persons a case is linked to and its stored steps, for `caseProgress`. */
export async function personsAndSteps(
  db: Database,
  ref: CaseRef,
): Promise<{ personIds: string[]; steps: CaseStepRecord[] }> {
  const [column, id] = caseColumn(ref);
  const [links, steps] = await Promise.all([
    db
      .selectFrom("caseLink")
      .select("personId")
      .where(column, "=", id)
      .where("personId", "is not", null)
      .execute(),
    db.selectFrom("caseStep").select(["key", "doneAt", "skippedReason"]).where(column, "=", id).execute(),
  ]);
  return { personIds: links.flatMap((link) => (link.personId ? [link.personId] : [])), steps };
}

/** Stores a step done (or skipped with its reason) now, with what it produced. */
export async function storeCaseStep(
  trx: Database,
  ref: CaseRef,
  step: {
    key: string;
    skipReason: string | null;
    note: string | null;
    result?: Record<string, string> | null;
  },
  by: CaseActor,
): Promise<void> {
  await trx
    .insertInto("caseStep")
    .values({
      ...ref,
      key: step.key,
      doneAt: by.at,
      doneBy: by.staffUserId,
      note: step.note,
      skippedReason: step.skipReason,
      result: step.result ? JSON.stringify(step.result) : null,
    })
    .execute();
}
