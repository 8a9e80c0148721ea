import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPersons } from "../repositories/persons-list.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { listMarketingListMembers, listMarketingLists } from "./list-members.ts";
import {
  addListMembers,
  createList,
  createListFromFilter,
  createListFromPersons,
  deleteList,
  removeListMembers,
  renameList,
} from "./marketing-lists.ts";

const now = new Date("2026-12-01T12:00:00Z");
const actor = { type: "staff", id: "marketing-user" } as const;
let t: TestDatabase;
let newsletter: string;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter" });
  for (let i = 0; i < 30; i++) {
    const id = await createPerson(t.db, {
      firstName: i % 2 ? "Anna" : "Ben",
      lastName: `Meyer${String(i).padStart(2, "0")}`,
      emails: [`m${i}@example.com`],
    });
    ids.push(id);
    if (i % 3 === 0)
      await createRecord(t.db, { personId: id, purposeId: newsletter, state: "active", at: now });
  }
});
afterAll(async () => t?.close());

async function allMembers(listId: string, search?: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listMarketingListMembers(t.db, { listId, search, cursor, limit: 4 });
    out.push(...page.rows.map((row) => row.personId));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function auditActions(listId: string) {
  const rows = await t.db
    .selectFrom("auditEvent")
    .select(["action", "changes"])
    .where("entityId", "=", listId)
    .orderBy("id")
    .execute();
  return rows;
}

describe("marketing lists", () => {
  it("#1 creates a list from the persons list's filter in one statement, the same persons the list shows", async () => {
    const filter = { purposeId: newsletter, purposeState: "active" as const, search: "anna" };
    const { id, added } = await createListFromFilter(t.db, { name: " Newsletter Anna ", filter }, actor, now);
    const shown = await listPersons(t.db, { ...filter, limit: 200 });
    expect(added).toBe(shown.rows.length);
    expect(added).toBeGreaterThan(0);
    expect((await allMembers(id)).sort()).toEqual(shown.rows.map((row) => row.id).sort());
    const [event] = await auditActions(id);
    expect(event?.action).toBe("marketing_list.created");
    // the search words may be a name: the trail records only that there was one
    expect(JSON.stringify(event?.changes)).not.toContain("anna");
    expect(event?.changes).toMatchObject({ source: "filter", members: added });
  });

  it("#1 creates a list from ticked persons, adds and removes members, renames and deletes", async () => {
    const { id, added } = await createListFromPersons(
      t.db,
      { name: "Ticked", personIds: [ids[0]!, ids[1]!, "00000000-0000-0000-0000-000000000000"] },
      actor,
      now,
    );
    expect(added).toBe(2);
    expect(await addListMembers(t.db, { listId: id, personIds: [ids[1]!, ids[2]!] }, actor, now)).toEqual({
      added: 1,
    });
    expect(await removeListMembers(t.db, { listId: id, personIds: [ids[0]!] }, actor, now)).toEqual({
      removed: 1,
    });
    expect((await allMembers(id)).sort()).toEqual([ids[1]!, ids[2]!].sort());
    await renameList(t.db, { listId: id, name: "Renamed" }, actor, now);
    await expect(renameList(t.db, { listId: id, name: "  " }, actor, now)).rejects.toMatchObject({
      reason: "list_name_invalid",
    });
    await deleteList(t.db, { listId: id }, actor, now);
    await expect(
      addListMembers(t.db, { listId: id, personIds: [ids[3]!] }, actor, now),
    ).rejects.toMatchObject({
      reason: "list_not_found",
    });
    expect((await auditActions(id)).map((row) => row.action)).toEqual([
      "marketing_list.created",
      "marketing_list.members_added",
      "marketing_list.members_removed",
      "marketing_list.renamed",
      "marketing_list.deleted",
    ]);
    const persons = await t.db.selectFrom("person").select("id").where("id", "in", ids).execute();
    expect(persons).toHaveLength(ids.length);
  });

  it("#1 pages members by keyset with search, and lists by (created_at, id) with counts", async () => {
    const { id } = await createListFromPersons(t.db, { name: "All", personIds: ids }, actor, now);
    const walked = await allMembers(id);
    expect(walked).toHaveLength(ids.length);
    expect(new Set(walked).size).toBe(ids.length);
    expect(walked).toEqual(ids); // Meyer00 … Meyer29 in name order
    expect(await allMembers(id, "meyer1")).toEqual(ids.slice(10, 20));
    expect(await allMembers(id, "m5@example")).toEqual([ids[5]!]);

    await createList(t.db, { name: "Empty 1" }, actor, new Date(now.getTime() + 1000));
    await createList(t.db, { name: "Empty 2" }, actor, new Date(now.getTime() + 1000));
    const seen: { name: string; memberCount: number }[] = [];
    let cursor: string | null = null;
    do {
      const page = await listMarketingLists(t.db, { cursor, limit: 1 });
      seen.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((row) => row.name)).size).toBe(seen.length);
    expect(
      seen
        .slice(0, 2)
        .map((row) => row.name)
        .sort(),
    ).toEqual(["Empty 1", "Empty 2"]);
    expect(seen.find((row) => row.name === "All")?.memberCount).toBe(ids.length);
  });
});
