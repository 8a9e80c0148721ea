import { DomainError } from "@purposeful/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";

/** Who changed a case, when. */
export type CaseActor = { staffUserId: string; at: Date };

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
      actor: { type: "staff", id: by.staffUserId },
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      personId,
      changes: event.changes,
      at: by.at,
    });
}
