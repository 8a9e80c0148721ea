import { DomainError } from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { auditCaseChange, type CaseActor, type CaseRef, personsAndSteps } from "./case-support.ts";

/**
 * Activities and documents linked to a case (issue 11: "the linked contacts and activities and
 * documents of requests and incidents at any time"). Only an item of a person the case is about
 * may be linked, each once; the link is audited on the case.
 */

export type CaseItem = { activityId: string } | { documentId: string };

const columnOf = (ref: CaseRef) =>
  "requestId" in ref ? (["requestId", ref.requestId] as const) : (["incidentId", ref.incidentId] as const);

export interface LinkableItem {
  kind: "activity" | "document";
  id: string;
  label: string;
  at: Date;
  personId: string;
  linked: boolean;
}

/** The activities and documents of the case's persons, newest first, marked where already linked. */
export async function caseItems(db: Database, ref: CaseRef): Promise<LinkableItem[]> {
  const [column, id] = columnOf(ref);
  const { personIds } = await personsAndSteps(db, ref);
  if (personIds.length === 0) return [];
  const [activities, documents, links] = await Promise.all([
    db
      .selectFrom("activity")
      .select(["id", "subject as label", "occurredAt as at", "personId"])
      .where("personId", "in", personIds)
      .orderBy("occurredAt", "desc")
      .limit(100)
      .execute(),
    db
      .selectFrom("document")
      .select(["id", "fileName as label", "createdAt as at", "personId"])
      .where("personId", "in", personIds)
      .where("heldUntil", "is", null)
      .orderBy("createdAt", "desc")
      .limit(100)
      .execute(),
    db.selectFrom("caseLink").select(["activityId", "documentId"]).where(column, "=", id).execute(),
  ]);
  const linked = new Set(links.flatMap((link) => [link.activityId, link.documentId]));
  return [
    ...activities.map((row) => ({ kind: "activity" as const, ...row, personId: row.personId as string })),
    ...documents.map((row) => ({ kind: "document" as const, ...row, personId: row.personId as string })),
  ]
    .map((item) => ({ ...item, linked: linked.has(item.id) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Links an activity or document of one of the case's persons; linking it again changes nothing. */
export async function linkCaseItem(
  trx: Database,
  input: { ref: CaseRef; item: CaseItem },
  by: CaseActor,
): Promise<void> {
  const [column, id] = columnOf(input.ref);
  const closed =
    "requestId" in input.ref
      ? await trx
          .selectFrom("dataSubjectRequest")
          .select("id")
          .where("id", "=", id)
          .where("status", "=", "closed")
          .executeTakeFirst()
      : await trx
          .selectFrom("incident")
          .select("id")
          .where("id", "=", id)
          .where("status", "=", "closed")
          .executeTakeFirst();
  if (closed)
    throw new DomainError("conflict", "requestId" in input.ref ? "request_closed" : "incident_closed");
  const { personIds } = await personsAndSteps(trx, input.ref);
  const itemId = "activityId" in input.item ? input.item.activityId : input.item.documentId;
  const table = "activityId" in input.item ? "activity" : "document";
  const owner =
    isUuid(itemId) && personIds.length > 0
      ? await trx
          .selectFrom(table)
          .select("id")
          .where("id", "=", itemId)
          .where("personId", "in", personIds)
          .executeTakeFirst()
      : undefined;
  if (!owner) throw new DomainError("not_found", "case_item_not_found");
  const existing = await trx
    .selectFrom("caseLink")
    .select("id")
    .where(column, "=", id)
    .where("activityId" in input.item ? "activityId" : "documentId", "=", itemId)
    .executeTakeFirst();
  if (existing) return;
  await trx
    .insertInto("caseLink")
    .values({
      ...("requestId" in input.ref ? { requestId: id } : { incidentId: id }),
      ...input.item,
      createdAt: by.at,
    })
    .execute();
  await auditCaseChange(
    trx,
    {
      entityType: "requestId" in input.ref ? "data_subject_request" : "incident",
      entityId: id,
      personIds,
      action: "requestId" in input.ref ? "request.item_linked" : "incident.item_linked",
      changes: { [table]: itemId },
    },
    by,
  );
}
