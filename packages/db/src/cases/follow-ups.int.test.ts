import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import {
  completeFollowUp,
  countMyDueFollowUps,
  createFollowUp,
  type FollowUpAbout,
  myFollowUps,
  postponeFollowUp,
} from "./follow-ups.ts";
import { createIncident } from "./incidents.ts";
import { createRequestCase } from "./request-cases.ts";

let t: TestDatabase;
let staff: string;
let other: string;
let dpo: string;
let personId: string;
let requestId: string;
let requestNumber: string;
let incidentId: string;
// Monday 30 November 2026, 10:00 in Berlin.
const at = new Date("2026-11-30T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaffUser(t.db, { email: "s@x.test", name: "Sam", role: "staff", passwordHash: "x" });
  other = await createStaffUser(t.db, {
    email: "o@x.test",
    name: "Olga",
    role: "marketing",
    passwordHash: "x",
  });
  dpo = await createStaffUser(t.db, { email: "d@x.test", name: "Dana", role: "dpo", passwordHash: "x" });
  personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
  const request = await t.db.transaction().execute((trx) =>
    createRequestCase(
      trx,
      {
        type: "access",
        channel: "email",
        receivedAt: new Date("2026-11-20T09:00:00Z"),
        requesterName: null,
        requesterEmail: null,
        description: null,
        personIds: [],
        assigneeId: staff,
      },
      { staffUserId: staff, at },
    ),
  );
  requestId = request.id;
  requestNumber = request.number;
  incidentId = (
    await t.db.transaction().execute((trx) =>
      createIncident(
        trx,
        {
          title: "Laptop lost",
          awareAt: new Date("2026-11-29T09:00:00Z"),
          occurredAt: null,
          discoveredBy: null,
          nature: "lost device",
          dataCategories: [],
          subjectsApprox: null,
          recordsApprox: null,
          personIds: [],
        },
        { staffUserId: staff, at },
      ),
    )
  ).id;
});
afterAll(async () => t?.close());

const create = (about: FollowUpAbout, dueOn: string, input: { assigneeId?: string; title?: string } = {}) =>
  t.db.transaction().execute((trx) =>
    createFollowUp(
      trx,
      {
        about,
        dueOn,
        title: input.title ?? "Call back",
        note: "about the copy",
        assigneeId: input.assigneeId ?? staff,
      },
      { staffUserId: staff, at },
    ),
  );
const asStaff = () => ({ staffUserId: staff, role: "staff" as const, at });
const snapshot = () => t.db.selectFrom("followUp").selectAll().orderBy("id").execute();

describe("follow-ups (issue 11 #7)", () => {
  it("on a request, an incident and a person; mine lists them by due day with what they are about", async () => {
    const onPerson = await create({ personId }, "2026-12-04");
    const onRequest = await create({ requestId }, "2026-11-30");
    const onIncident = await create({ incidentId }, "2026-12-01");
    await create({ personId }, "2026-11-30", { assigneeId: other });
    const mine = await myFollowUps(t.db, staff, at);
    expect(mine.map((f) => [f.id, f.about.kind, f.about.label, f.status.daysLeft])).toEqual([
      [onRequest.id, "request", requestNumber, 0],
      [onIncident.id, "incident", expect.stringMatching(/^INC-2026-\d{4}$/), 1],
      [onPerson.id, "person", "Erika Mustermann", 4],
    ]);
    // Due today counts, tomorrow does not; another's does not.
    expect(await countMyDueFollowUps(t.db, staff, at)).toBe(1);
    expect(await countMyDueFollowUps(t.db, staff, new Date("2026-12-05T09:00:00Z"))).toBe(3);
    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["action", "entityId", "personId", "changes", "personalEnc"])
      .where("action", "=", "follow_up.created")
      .where("entityId", "in", [onPerson.id, onRequest.id])
      .orderBy("id")
      .execute();
    expect(audit.map((e) => [e.entityId, e.personId, e.personalEnc !== null])).toEqual([
      [onPerson.id, personId, true],
      [onRequest.id, null, false],
    ]);
    // The title and note are not in the plain changes.
    expect(JSON.stringify(audit.map((e) => e.changes))).not.toMatch(/Call back|copy/);
  });

  it("done and postponed with a reason, each audited; then no longer due", async () => {
    const { id } = await create({ requestId }, "2026-11-30");
    await t.db
      .transaction()
      .execute((trx) =>
        postponeFollowUp(
          trx,
          { followUpId: id, dueOn: "2026-12-07", reason: " Waiting for the ID " },
          asStaff(),
        ),
      );
    const [postponed] = (await myFollowUps(t.db, staff, at)).filter((f) => f.id === id);
    expect(postponed).toMatchObject({
      dueOn: "2026-12-07",
      postponedCount: 1,
      lastPostponeReason: "Waiting for the ID",
    });
    await t.db.transaction().execute((trx) => completeFollowUp(trx, { followUpId: id }, asStaff()));
    expect((await myFollowUps(t.db, staff, at)).map((f) => f.id)).not.toContain(id);
    const row = await t.db
      .selectFrom("followUp")
      .select(["doneAt", "doneBy"])
      .where("id", "=", id)
      .executeTakeFirst();
    expect(row).toEqual({ doneAt: at, doneBy: staff });
    const actions = await t.db
      .selectFrom("auditEvent")
      .select(["action", "changes"])
      .where("entityId", "=", id)
      .orderBy("id")
      .execute();
    expect(actions).toEqual([
      {
        action: "follow_up.created",
        changes: expect.objectContaining({ about: "request", dueOn: "2026-11-30" }),
      },
      { action: "follow_up.postponed", changes: { from: "2026-11-30", to: "2026-12-07", count: 1 } },
      { action: "follow_up.done", changes: { dueOn: "2026-12-07" } },
    ]);
  });

  it("refuses bad input with a domain reason and changes nothing", async () => {
    const { id } = await create({ personId }, "2026-12-02");
    const before = await snapshot();
    const events = async () => (await t.db.selectFrom("auditEvent").select("id").execute()).length;
    const eventsBefore = await events();
    const postpone = (dueOn: string, reason: string, by = asStaff()) =>
      reasonOf(
        t.db.transaction().execute((trx) => postponeFollowUp(trx, { followUpId: id, dueOn, reason }, by)),
      );
    expect(await postpone("2026-12-09", "  ")).toBe("follow_up_postpone_reason_required");
    expect(await postpone("2026-11-30", "next week")).toBe("follow_up_postpone_not_future");
    expect(await postpone("2026-11-01", "next week")).toBe("follow_up_postpone_not_future");
    expect(
      await postpone("2026-12-09", "next week", { staffUserId: other, role: "marketing" as never, at }),
    ).toBe("follow_up_not_yours");
    expect(await reasonOf(create({ personId }, "2026-11-29"))).toBe("follow_up_due_in_past");
    expect(await reasonOf(create({ personId }, "2026-12-01", { assigneeId: "nobody" }))).toBe(
      "assignee_not_found",
    );
    expect(await reasonOf(create({ requestId: "not-a-uuid" }, "2026-12-01"))).toBe("request_not_found");
    expect(await reasonOf(create({ personId, requestId } as never, "2026-12-01"))).toBe(
      "follow_up_about_required",
    );
    expect(
      await reasonOf(
        t.db.transaction().execute((trx) => completeFollowUp(trx, { followUpId: "nope" }, asStaff())),
      ),
    ).toBe("follow_up_not_found");
    expect(await snapshot()).toEqual(before);
    expect(await events()).toBe(eventsBefore);
    // The DPO may finish anyone's; a finished one cannot be postponed.
    await t.db
      .transaction()
      .execute((trx) => completeFollowUp(trx, { followUpId: id }, { staffUserId: dpo, role: "dpo", at }));
    expect(await postpone("2026-12-09", "next week")).toBe("follow_up_done");
  });
});
