import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import {
  assessIncidentRisk,
  completeIncidentStep,
  createIncident,
  incidentCase,
  type NewIncident,
} from "./incidents.ts";

let t: TestDatabase;
let staff: string;
let dpo: string;
let personId: string;
const awareAt = new Date("2026-11-02T08:00:00Z");
const hours = (n: number) => new Date(awareAt.getTime() + n * 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaffUser(t.db, { email: "s@x.test", name: "Sam", role: "staff", passwordHash: "x" });
  dpo = await createStaffUser(t.db, { email: "d@x.test", name: "Dana", role: "dpo", passwordHash: "x" });
  personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
});
afterAll(async () => t?.close());

const base: NewIncident = {
  title: "Laptop stolen from a car",
  awareAt,
  occurredAt: null,
  discoveredBy: "Field sales",
  nature: "A laptop with the CRM's offline copy was stolen.",
  dataCategories: ["contact data", "contract data"],
  subjectsApprox: 1200,
  recordsApprox: 5000,
  personIds: [],
};

const tx = <T>(run: (trx: typeof t.db) => Promise<T>) => t.db.transaction().execute(run);

describe("incidents (issue 11 #6)", () => {
  it("start the 72-hour clock at awareness and link the persons affected", async () => {
    const created = await tx((trx) =>
      createIncident(trx, { ...base, personIds: [personId] }, { staffUserId: staff, at: hours(2) }),
    );
    expect(created.number).toMatch(/^INC-2026-\d{4}$/);
    expect(created.deadline).toEqual(hours(72));
    const view = await incidentCase(t.db, created.id, hours(10));
    expect(view).toMatchObject({ risk: null, required: null, personIds: [personId], status: "open" });
    expect(view.clock).toMatchObject({ hoursLeft: 62, overdue: false });
    expect(view.progress.next).toBe("contain");
    // Past 72 hours without a notification: overdue.
    expect((await incidentCase(t.db, created.id, hours(80))).clock).toMatchObject({
      overdue: true,
      hoursLeft: -8,
    });
  });

  it("a high risk makes both notifications mandatory; a late authority notification needs its reasons", async () => {
    const { id } = await tx((trx) =>
      createIncident(trx, { ...base, personIds: [personId] }, { staffUserId: staff, at: hours(1) }),
    );
    const as = (role: "staff" | "dpo", at: Date) => ({ staffUserId: role === "dpo" ? dpo : staff, role, at });
    await tx((trx) => completeIncidentStep(trx, { incidentId: id, key: "contain" }, as("staff", hours(3))));
    expect(
      await reasonOf(
        tx((trx) =>
          assessIncidentRisk(
            trx,
            { incidentId: id, risk: "high", reasons: "bad", consequences: null, measures: null },
            as("dpo", hours(4)),
          ),
        ),
      ),
    ).toBe("risk_reasons_required");
    const assessed = await tx((trx) =>
      assessIncidentRisk(
        trx,
        {
          incidentId: id,
          risk: "high",
          reasons: "Unencrypted disk with bank data of customers",
          consequences: "Fraud",
          measures: "Accounts watched",
        },
        as("dpo", hours(4)),
      ),
    );
    expect(assessed.required).toEqual({ authority: true, dataSubjects: true });
    expect(assessed.progress.steps.find((s) => s.key === "notify_authority")?.mandatory).toBe(true);
    expect(
      await reasonOf(
        tx((trx) =>
          completeIncidentStep(
            trx,
            { incidentId: id, key: "notify_authority", skipReason: "not needed" },
            as("dpo", hours(5)),
          ),
        ),
      ),
    ).toBe("case_step_not_skippable");
    expect(
      await reasonOf(
        tx((trx) =>
          completeIncidentStep(trx, { incidentId: id, key: "notify_authority" }, as("dpo", hours(80))),
        ),
      ),
    ).toBe("delay_reason_required");
    const notified = await tx((trx) =>
      completeIncidentStep(
        trx,
        {
          incidentId: id,
          key: "notify_authority",
          delayReason: "The scope was known only on day 3 from the processor",
        },
        as("dpo", hours(80)),
      ),
    );
    expect(notified).toMatchObject({ status: "notified", authorityNotifiedAt: hours(80) });
    expect(notified.clock).toMatchObject({ late: true, overdue: false });
    await tx((trx) =>
      completeIncidentStep(trx, { incidentId: id, key: "notify_data_subjects" }, as("dpo", hours(81))),
    );
    const closed = await tx((trx) =>
      completeIncidentStep(trx, { incidentId: id, key: "document" }, as("dpo", hours(82))),
    );
    expect(closed).toMatchObject({ status: "closed" });
    expect(closed.progress.finished).toBe(true);
    const actions = await t.db
      .selectFrom("auditEvent")
      .select("action")
      .where("entityId", "=", id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "incident.created",
      "incident.step_completed",
      "incident.risk_assessed",
      "incident.authority_notified",
      "incident.step_completed",
      "incident.closed",
    ]);
  });

  it("no risk: the notifications may be skipped with the assessment as reason", async () => {
    const { id } = await tx((trx) => createIncident(trx, base, { staffUserId: staff, at: hours(1) }));
    const dpoAt = { staffUserId: dpo, role: "dpo" as const, at: hours(2) };
    await tx((trx) => completeIncidentStep(trx, { incidentId: id, key: "contain" }, dpoAt));
    await tx((trx) =>
      assessIncidentRisk(
        trx,
        {
          incidentId: id,
          risk: "none",
          reasons: "Encrypted laptop, key not lost",
          consequences: null,
          measures: null,
        },
        dpoAt,
      ),
    );
    for (const key of ["notify_authority", "notify_data_subjects"])
      await tx((trx) =>
        completeIncidentStep(
          trx,
          { incidentId: id, key, skipReason: "No risk: encrypted (Art. 33(1))" },
          dpoAt,
        ),
      );
    const view = await incidentCase(t.db, id, hours(3));
    expect(view.authorityNotifiedAt).toBeNull();
    expect(view.progress.steps.map((s) => s.status)).toEqual(["done", "done", "skipped", "skipped", "open"]);
  });

  it("refuse awareness in the future and an unknown incident", async () => {
    expect(
      await reasonOf(
        tx((trx) =>
          createIncident(trx, { ...base, awareAt: hours(5) }, { staffUserId: staff, at: hours(1) }),
        ),
      ),
    ).toBe("incident_aware_in_future");
    expect(await reasonOf(incidentCase(t.db, "00000000-0000-4000-8000-000000000000", hours(1)))).toBe(
      "incident_not_found",
    );
  });
});
