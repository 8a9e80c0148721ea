import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { casesOfPerson, listIncidents, listRequestCases } from "./case-lists.ts";
import { caseRecord } from "./case-record.ts";
import { completeIncidentStep, createIncident } from "./incidents.ts";
import { requestCase } from "./request-case-view.ts";
import {
  completeRequestStep,
  createRequestCase,
  type NewRequestCase,
  verifyRequestIdentity,
} from "./request-cases.ts";

let t: TestDatabase;
let staff: string;
let erika: string;
let max: string;
const at = new Date("2026-11-02T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaffUser(t.db, { email: "s@x.test", name: "Sam", role: "staff", passwordHash: "x" });
  erika = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
  max = await createPerson(t.db, { firstName: "Max", lastName: "Beispiel" });
});
afterAll(async () => t?.close());

const request = (input: Partial<NewRequestCase>) =>
  t.db.transaction().execute((trx) =>
    createRequestCase(
      trx,
      {
        type: "access",
        channel: "email",
        receivedAt: new Date("2026-10-30T15:00:00Z"),
        requesterName: null,
        requesterEmail: null,
        description: null,
        personIds: [],
        assigneeId: null,
        ...input,
      },
      { staffUserId: staff, at },
    ),
  );

describe("case lists and the case record (issue 11 #1, #2)", () => {
  it("list open requests by their deadline with the next step, the assignee and the persons; closed ones apart", async () => {
    const later = await request({ receivedAt: new Date("2026-11-01T10:00:00Z"), personIds: [erika, max] });
    const earlier = await request({ type: "erasure", assigneeId: staff, personIds: [erika] });
    const closed = await request({ type: "objection" });
    await t.db.transaction().execute(async (trx) => {
      await verifyRequestIdentity(
        trx,
        { requestId: closed.id, method: "known_contact", note: null },
        { staffUserId: staff, at },
      );
      for (const key of ["record_objection", "check_compelling_grounds", "confirm_to_person", "close"])
        await completeRequestStep(
          trx,
          { requestId: closed.id, key },
          { staffUserId: staff, role: "dpo", at },
        );
    });

    const open = await listRequestCases(t.db, { state: "open", now: at });
    expect(open.map((row) => row.id)).toEqual([earlier.id, later.id]);
    expect(open[0]).toMatchObject({
      number: earlier.number,
      type: "erasure",
      dueDate: "2026-11-30",
      daysLeft: 28,
      overdue: false,
      assigneeName: "Sam",
      persons: 1,
      identityVerified: false,
      nextStep: "verify_identity",
    });
    expect(open[1]).toMatchObject({ persons: 2, assigneeName: null });
    // The list says what the case page says, from the same domain rules.
    const view = await requestCase(t.db, earlier.id, at);
    expect(open[0]?.nextStep).toBe(view.progress.next);

    const done = await listRequestCases(t.db, { state: "closed", now: at });
    expect(done.map((row) => row.id)).toEqual([closed.id]);
    expect(done[0]).toMatchObject({ status: "closed", nextStep: null });
    expect(await listRequestCases(t.db, { state: "all", now: at })).toHaveLength(3);
  });

  it("show each step as it was done, the linked documents and the case's own history once", async () => {
    const { id } = await request({
      personIds: [erika, max],
      email: {
        fileName: "request.eml",
        content: new TextEncoder().encode("From: erika@example.test\r\nSubject: Auskunft\r\n\r\nHallo"),
        metadata: { email: { subject: "Auskunft" } },
      },
    });
    await t.db
      .transaction()
      .execute((trx) =>
        verifyRequestIdentity(
          trx,
          { requestId: id, method: "id_document", note: "ID card seen" },
          { staffUserId: staff, at },
        ),
      );
    const record = await caseRecord(t.db, { requestId: id });
    expect(record.persons.map((p) => p.lastName)).toEqual(["Beispiel", "Mustermann"]);
    expect(record.steps).toEqual([
      expect.objectContaining({ key: "verify_identity", doneByName: "Sam", note: "ID card seen" }),
    ]);
    expect(record.documents).toEqual([
      expect.objectContaining({ fileName: "request.eml", kind: "email", personId: erika }),
    ]);
    // Two persons linked: every change was audited twice, once in each person's history.
    expect(record.history.map((event) => event.action)).toEqual([
      "request.created",
      "request.identity_verified",
    ]);
    expect(record.history[0]).toMatchObject({ actorName: "Sam", actorType: "staff" });
  });

  it("list incidents newest first with their 72-hour clock and next step", async () => {
    const awareAt = new Date("2026-11-01T09:00:00Z");
    const incident = await t.db.transaction().execute((trx) =>
      createIncident(
        trx,
        {
          title: "Laptop lost",
          awareAt,
          occurredAt: null,
          discoveredBy: null,
          nature: "A laptop with the CRM export was lost.",
          dataCategories: ["contact data"],
          subjectsApprox: 120,
          recordsApprox: 120,
          personIds: [erika],
        },
        { staffUserId: staff, at },
      ),
    );
    await t.db
      .transaction()
      .execute((trx) =>
        completeIncidentStep(
          trx,
          { incidentId: incident.id, key: "contain" },
          { staffUserId: staff, role: "staff", at },
        ),
      );
    const [row] = await listIncidents(t.db, { state: "open", now: at });
    expect(row).toMatchObject({
      id: incident.id,
      number: incident.number,
      risk: null,
      persons: 1,
      hoursLeft: 48,
      overdue: false,
      nextStep: "assess_risk",
    });
    expect(await listIncidents(t.db, { state: "closed", now: at })).toEqual([]);
  });

  it("list a person's requests and, where allowed, the breaches they are part of", async () => {
    const other = await createPerson(t.db, { firstName: "Ohne", lastName: "Fall" });
    const mine = await casesOfPerson(t.db, { personId: max, now: at, withIncidents: true });
    expect(mine.requests.length).toBeGreaterThan(0);
    expect(mine.requests.every((row) => row.persons >= 1)).toBe(true);
    const withBreach = await casesOfPerson(t.db, { personId: erika, now: at, withIncidents: true });
    expect(withBreach.incidents.map((row) => row.title)).toEqual(["Laptop lost"]);
    expect((await casesOfPerson(t.db, { personId: erika, now: at, withIncidents: false })).incidents).toEqual(
      [],
    );
    expect(await casesOfPerson(t.db, { personId: other, now: at, withIncidents: true })).toEqual({
      requests: [],
      incidents: [],
    });
  });
});
