import { DomainError } from "@purposeful/domain";
import { sql } from "kysely";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { applyFilters, type PersonListQuery } from "../repositories/persons-list.ts";

/** The persons list's filter, as the list page sends it (sort and paging left out). */
export type ListFilter = Pick<PersonListQuery, "search" | "light" | "purposeId" | "purposeState">;

export interface MarketingListRow {
  id: string;
  name: string;
  source: string;
  createdAt: Date;
  memberCount: number;
}

const maxIds = 10_000;

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw new DomainError("validation", "list_name_invalid");
  return trimmed;
}

/** Locks the list for the change, so a concurrent delete cannot interleave; refuses an unknown one. */
export async function lockList(trx: Database, listId: string): Promise<{ id: string; name: string }> {
  const row = await trx
    .selectFrom("marketingList")
    .select(["id", "name"])
    .where("id", "=", listId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError("not_found", "list_not_found");
  return row;
}

async function insertList(
  trx: Database,
  name: string,
  filter: ListFilter | null,
  actor: Actor,
  at: Date,
): Promise<string> {
  const row = await trx
    .insertInto("marketingList")
    .values({
      name: cleanName(name),
      kind: "static",
      filter: filter ? JSON.stringify(filter) : null,
      createdBy: actor.id,
      createdAt: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a filter says in the audit trail: never the search words (they may be a name). */
function filterFacts(filter: ListFilter) {
  return {
    light: filter.light ?? null,
    purposeId: filter.purposeId ?? null,
    purposeState: filter.purposeState ?? null,
    searched: Boolean(filter.search?.trim()),
  };
}

/** An empty list. */
export function createList(db: Database, input: { name: string }, actor: Actor, at: Date) {
  return db.transaction().execute(async (trx) => {
    const id = await insertList(trx, input.name, null, actor, at);
    await recordAudit(trx, {
      actor,
      action: "marketing_list.created",
      entityType: "marketing_list",
      entityId: id,
      changes: { source: "manual", members: 0 },
      at,
    });
    return { id, added: 0 };
  });
}

/**
 * A list of everyone the persons list shows for `filter` right now: one `INSERT … SELECT` with the
 * persons list's own filter, so both always agree, except restricted and erased persons (Art. 18).
 */
export function createListFromFilter(
  db: Database,
  input: { name: string; filter: ListFilter },
  actor: Actor,
  at: Date,
) {
  return db.transaction().execute(async (trx) => {
    const id = await insertList(trx, input.name, input.filter, actor, at);
    const inserted = await trx
      .insertInto("marketingListMember")
      .columns(["listId", "personId", "addedAt"])
      .expression(
        applyFilters(trx.selectFrom("person"), input.filter)
          // Art. 18 GDPR: a restricted (or erased) person joins no list.
          .where("person.restricted", "=", false)
          .where("person.erasedLevel", "=", 0)
          .select([
            sql<string>`${id}::uuid`.as("listId"),
            "person.id as personId",
            sql<Date>`${at}::timestamptz`.as("addedAt"),
          ]),
      )
      .returning("personId")
      .execute();
    await recordAudit(trx, {
      actor,
      action: "marketing_list.created",
      entityType: "marketing_list",
      entityId: id,
      changes: { source: "filter", members: inserted.length, filter: filterFacts(input.filter) },
      at,
    });
    return { id, added: inserted.length };
  });
}

async function insertMembers(trx: Database, listId: string, personIds: string[], at: Date) {
  if (personIds.length === 0) return 0;
  if (personIds.length > maxIds) throw new DomainError("validation", "too_many_ids");
  const result = await sql<{ personId: string }>`
    INSERT INTO marketing_list_member (list_id, person_id, added_at)
    SELECT ${listId}::uuid, p.id, ${at}::timestamptz
      FROM person p WHERE p.id = ANY(${sql.val(personIds)}::uuid[])
       -- Art. 18 GDPR: a restricted (or erased) person joins no list.
       AND NOT p.restricted AND p.erased_level = 0
    ON CONFLICT DO NOTHING
    RETURNING person_id`.execute(trx);
  return result.rows.length;
}

/** A list of the ticked persons (unknown ids, restricted and erased persons are skipped). */
export function createListFromPersons(
  db: Database,
  input: { name: string; personIds: string[] },
  actor: Actor,
  at: Date,
) {
  return db.transaction().execute(async (trx) => {
    const id = await insertList(trx, input.name, null, actor, at);
    const added = await insertMembers(trx, id, input.personIds, at);
    await recordAudit(trx, {
      actor,
      action: "marketing_list.created",
      entityType: "marketing_list",
      entityId: id,
      changes: { source: "selection", members: added },
      at,
    });
    return { id, added };
  });
}

/** Adds persons to a list; those already on it stay as they are; restricted and erased persons are skipped. */
export function addListMembers(
  db: Database,
  input: { listId: string; personIds: string[] },
  actor: Actor,
  at: Date,
) {
  return db.transaction().execute(async (trx) => {
    await lockList(trx, input.listId);
    const added = await insertMembers(trx, input.listId, input.personIds, at);
    await recordAudit(trx, {
      actor,
      action: "marketing_list.members_added",
      entityType: "marketing_list",
      entityId: input.listId,
      changes: { source: "selection", added },
      at,
    });
    return { added };
  });
}

/** Takes persons off a list (not from the database). */
export function removeListMembers(
  db: Database,
  input: { listId: string; personIds: string[] },
  actor: Actor,
  at: Date,
) {
  return db.transaction().execute(async (trx) => {
    await lockList(trx, input.listId);
    if (input.personIds.length > maxIds) throw new DomainError("validation", "too_many_ids");
    const removed =
      input.personIds.length === 0
        ? []
        : await trx
            .deleteFrom("marketingListMember")
            .where("listId", "=", input.listId)
            .where("personId", "in", input.personIds)
            .returning("personId")
            .execute();
    await recordAudit(trx, {
      actor,
      action: "marketing_list.members_removed",
      entityType: "marketing_list",
      entityId: input.listId,
      changes: { removed: removed.length },
      at,
    });
    return { removed: removed.length };
  });
}

export function renameList(db: Database, input: { listId: string; name: string }, actor: Actor, at: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await lockList(trx, input.listId);
    const name = cleanName(input.name);
    await trx.updateTable("marketingList").set({ name }).where("id", "=", input.listId).execute();
    await recordAudit(trx, {
      actor,
      action: "marketing_list.renamed",
      entityType: "marketing_list",
      entityId: input.listId,
      changes: { name: { before: before.name, after: name } },
      at,
    });
  });
}

/** Deletes the list and its memberships; the persons stay. */
export function deleteList(db: Database, input: { listId: string }, actor: Actor, at: Date) {
  return db.transaction().execute(async (trx) => {
    await lockList(trx, input.listId);
    const { n } = await trx
      .selectFrom("marketingListMember")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("listId", "=", input.listId)
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("marketingList").where("id", "=", input.listId).execute();
    await recordAudit(trx, {
      actor,
      action: "marketing_list.deleted",
      entityType: "marketing_list",
      entityId: input.listId,
      changes: { members: Number(n) },
      at,
    });
  });
}
