import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addListMembers, createList } from "../lists/marketing-lists.ts";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import { caseRecord } from "./case-record.ts";
import { linkIncidentPersons } from "./incident-persons.ts";
import { createIncident } from "./incidents.ts";

let t: TestDatabase;
let dpo: string;
const at = new Date("2026-11-02T09:00:00Z");
const by = () => ({ staffUserId: dpo, at });

beforeAll(async () => {
  t = await createTestDatabase();
  dpo = await createStaffUser(t.db, { email: "d@x.test", name: "Dana", role: "dpo", passwordHash: "x" });
});
afterAll(async () => t?.close());

const newIncident = () =>
  t.db.transaction().execute((trx) =>
    createIncident(
      trx,
      {
        title: "Newsletter tool breached",
        awareAt: new Date("2026-11-02T08:00:00Z"),
        occurredAt: null,
        discoveredBy: null,
        nature: "The mailing tool's address book was exported by an attacker.",
        dataCategories: ["e-mail addresses"],
        subjectsApprox: null,
        recordsApprox: null,
        personIds: [],
      },
      by(),
    ),
  );
const link = (incidentId: string, source: Parameters<typeof linkIncidentPersons>[1]["source"]) =>
  t.db.transaction().execute((trx) => linkIncidentPersons(trx, { incidentId, source }, by()));

describe("persons linked to a breach from a list or a filter (issue 11 #6)", () => {
  it("link a list's members and a filter's persons once each, restricted ones too, audited per person", async () => {
    const prefix = `Leak${Date.now()}`;
    const ids = await Promise.all(
      ["a", "b", "c"].map((s) => createPerson(t.db, { firstName: "P", lastName: `${prefix}${s}` })),
    );
    const [a, b, c] = ids as [string, string, string];
    const list = await createList(t.db, { name: "Newsletter" }, { type: "staff", id: dpo }, at);
    await addListMembers(t.db, { listId: list.id, personIds: [a, b] }, { type: "staff", id: dpo }, at);
    // Restricted after joining the list: the breach concerns them all the same.
    await t.db.updateTable("person").set({ restricted: true }).where("id", "=", b).execute();
    const anonymized = await createPerson(t.db, { firstName: "P", lastName: `${prefix}z` });
    await t.db.updateTable("person").set({ erasedLevel: 3 }).where("id", "=", anonymized).execute();

    const { id: incidentId } = await newIncident();
    expect(await link(incidentId, { listId: list.id })).toEqual({ added: 2 });
    // The filter matches a, b, c and the anonymized one: c is new, the others are linked already.
    expect(await link(incidentId, { filter: { search: prefix } })).toEqual({ added: 1 });
    expect(await link(incidentId, { filter: { search: prefix } })).toEqual({ added: 0 });
    expect(await link(incidentId, { personIds: [a, c] })).toEqual({ added: 0 });
    expect(await reasonOf(link(incidentId, { personIds: ["nope"] }))).toBe("person_not_found");

    const record = await caseRecord(t.db, { incidentId });
    expect(record.persons.map((p) => p.id).sort()).toEqual([a, b, c].sort());
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["personId", "changes"])
      .where("action", "=", "incident.persons_linked")
      .where("entityId", "=", incidentId)
      .execute();
    expect(events.map((e) => e.personId).sort()).toEqual([a, b, c].sort());
    expect(record.history.filter((e) => e.action === "incident.persons_linked")).toHaveLength(2);
  });

  it("refuse an unknown list or a closed incident and change nothing", async () => {
    const { id: incidentId } = await newIncident();
    expect(await reasonOf(link(incidentId, { listId: "00000000-0000-4000-8000-000000000000" }))).toBe(
      "list_not_found",
    );
    expect(await reasonOf(link("not-an-id", { filter: {} }))).toBe("incident_not_found");
    await t.db.updateTable("incident").set({ status: "closed" }).where("id", "=", incidentId).execute();
    expect(await reasonOf(link(incidentId, { filter: {} }))).toBe("incident_closed");
    expect((await caseRecord(t.db, { incidentId })).persons).toEqual([]);
  });
});
