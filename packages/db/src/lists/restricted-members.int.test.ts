import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { applyListImport, previewListImport } from "./list-import.ts";
import {
  addListMembers,
  createList,
  createListFromFilter,
  createListFromPersons,
} from "./marketing-lists.ts";
import { suppressionHash } from "./suppression.ts";

// Art. 18(2) GDPR: a restricted person is stored, never used; an erased one is gone. Neither joins a
// list, however the list gets its members.
const now = new Date("2026-12-01T12:00:00Z");
const actor = { type: "staff", id: "marketing-user" } as const;
const secret = "test-suppression-secret-test-suppression-secret";
let t: TestDatabase;
const ids = { plain: "", restricted: "", erased: "", suppressed: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  ids.plain = await createPerson(t.db, { lastName: "Listed Plain", emails: ["plain@example.com"] });
  ids.restricted = await createPerson(t.db, {
    lastName: "Listed Restricted",
    emails: ["restricted@example.com"],
  });
  ids.erased = await createPerson(t.db, { lastName: "Listed Erased", emails: ["erased@example.com"] });
  // Created again after an erasure with a dpo's override: the address stays on the suppression list.
  ids.suppressed = await createPerson(t.db, {
    lastName: "Listed Suppressed",
    emails: ["suppressed@example.com"],
  });
  await t.db
    .updateTable("person")
    .set({ restricted: true, restrictedAt: now })
    .where("id", "=", ids.restricted)
    .execute();
  await t.db
    .updateTable("person")
    .set({ erasedLevel: 1, erasedAt: now })
    .where("id", "=", ids.erased)
    .execute();
  await t.db
    .insertInto("suppressionEntry")
    .values({ emailHash: suppressionHash(secret, "suppressed@example.com"), reason: "erasure" })
    .execute();
});
afterAll(async () => t?.close());

const members = async (listId: string) =>
  (await t.db.selectFrom("marketingListMember").select("personId").where("listId", "=", listId).execute())
    .map((row) => row.personId)
    .sort();

describe("restricted and erased persons join no list", () => {
  const all = () => [ids.plain, ids.restricted, ids.erased];

  it("from a filter of the persons list", async () => {
    const list = await createListFromFilter(
      t.db,
      { name: "Filter", filter: { search: "Listed" } },
      actor,
      now,
    );
    expect(await members(list.id)).toEqual([ids.plain, ids.suppressed].sort());
    expect(list.added).toBe(2);
  });

  it("from ticked persons, created or added", async () => {
    const created = await createListFromPersons(t.db, { name: "Ticked", personIds: all() }, actor, now);
    expect(created.added).toBe(1);
    expect(await members(created.id)).toEqual([ids.plain]);
    const empty = await createList(t.db, { name: "Added" }, actor, now);
    expect(await addListMembers(t.db, { listId: empty.id, personIds: all() }, actor, now)).toEqual({
      added: 1,
    });
    expect(await members(empty.id)).toEqual([ids.plain]);
  });

  it("from a CSV import: reported by row as excluded (or refused when the address is suppressed)", async () => {
    const list = await createList(t.db, { name: "Import" }, actor, now);
    const csv = [
      "email",
      "plain@example.com",
      "restricted@example.com",
      "erased@example.com",
      "suppressed@example.com",
    ].join("\n");
    const input = { listId: list.id, csv, mapping: { email: 0 } };
    const preview = await previewListImport(t.db, input, secret);
    expect(preview).toMatchObject({
      matchedPersons: 1,
      excludedCount: 2,
      excluded: [{ row: 3 }, { row: 4 }],
      refusedCount: 1,
      refused: [{ row: 5 }],
    });
    const applied = await applyListImport(t.db, input, secret, actor, now);
    expect(applied.added).toBe(1);
    expect(await members(list.id)).toEqual([ids.plain]);
    const event = await t.db
      .selectFrom("auditEvent")
      .select("changes")
      .where("entityId", "=", list.id)
      .where("action", "=", "marketing_list.imported")
      .executeTakeFirstOrThrow();
    expect(event.changes).toMatchObject({ added: 1, excluded: 2, refused: 1 });
  });
});
