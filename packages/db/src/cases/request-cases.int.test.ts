import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordGeneratedAccessReport } from "../access/access-reports.ts";
import { getReportTemplate } from "../access/report-templates.ts";
import { getCompanySettings, updateCompanySettings } from "../repositories/settings.ts";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import { requestCase } from "./request-case-view.ts";
import {
  completeRequestStep,
  createRequestCase,
  extendRequestCase,
  type NewRequestCase,
  verifyRequestIdentity,
} from "./request-cases.ts";

let t: TestDatabase;
let staff: string;
let dpo: string;
let personId: string;
// Friday 30 October 2026, 16:00 in Berlin; 30 November is a Monday.
const receivedAt = new Date("2026-10-30T15:00:00Z");
const at = new Date("2026-11-02T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaffUser(t.db, { email: "s@x.test", name: "Sam", role: "staff", passwordHash: "x" });
  dpo = await createStaffUser(t.db, { email: "d@x.test", name: "Dana", role: "dpo", passwordHash: "x" });
  personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
});
afterAll(async () => t?.close());

const base: NewRequestCase = {
  type: "access",
  channel: "email",
  receivedAt,
  requesterName: "Erika Mustermann",
  requesterEmail: "erika@example.test",
  description: "Please tell me what you store about me.",
  personIds: [],
  assigneeId: null,
};
const open = (input: Partial<NewRequestCase> = {}) =>
  t.db
    .transaction()
    .execute((trx) =>
      createRequestCase(trx, { ...base, personIds: [personId], ...input }, { staffUserId: staff, at }),
    );

describe("request cases (issue 11)", () => {
  it("open with a number, the due date from the company's calendar, the person linked and audited", async () => {
    const created = await open();
    expect(created.number).toMatch(/^DSR-2026-\d{4}$/);
    // One month from 30 October is 30 November, a Monday and a working day.
    expect(created.dueDate).toBe("2026-11-30");
    const view = await requestCase(t.db, created.id, at);
    expect(view).toMatchObject({
      status: "open",
      daysLeft: 28,
      overdue: false,
      identity: null,
      personIds: [personId],
    });
    expect(view.progress.next).toBe("verify_identity");
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["action", "personId", "changes"])
      .where("entityId", "=", created.id)
      .execute();
    expect(events).toEqual([
      expect.objectContaining({
        action: "request.created",
        personId,
        changes: expect.objectContaining({ type: "access" }),
      }),
    ]);
    // The requester's name and text are personal data: never in the audit trail's plain changes.
    expect(JSON.stringify(events)).not.toContain("Mustermann");
  });

  it("count public holidays of the company's federal state", async () => {
    // Received 1 October 2026: due 1 November, a Sunday and All Saints' Day in Bavaria → Monday 2nd;
    // 31 October (Reformation Day) is a holiday in Saxony, not relevant here.
    await t.db
      .transaction()
      .execute(async (trx) =>
        updateCompanySettings(
          trx,
          { ...(await getCompanySettings(trx)), region: "BY" },
          { staffUserId: dpo, at },
        ),
      );
    const bavaria = await open({ receivedAt: new Date("2026-10-01T10:00:00Z") });
    expect(bavaria.dueDate).toBe("2026-11-02");
  });

  it("lock disclosure until the identity is verified, then go step by step to closing", async () => {
    const { id } = await open();
    const step = (key: string, role: "staff" | "dpo", extra: { skipReason?: string } = {}) =>
      t.db
        .transaction()
        .execute((trx) =>
          completeRequestStep(
            trx,
            { requestId: id, key, ...extra },
            { staffUserId: role === "dpo" ? dpo : staff, role, at },
          ),
        );
    expect(await reasonOf(step("generate_report", "dpo"))).toBe("identity_not_verified");
    await t.db
      .transaction()
      .execute((trx) =>
        verifyRequestIdentity(
          trx,
          { requestId: id, method: "email_link", note: null },
          { staffUserId: staff, at },
        ),
      );
    let view = await requestCase(t.db, id, at);
    expect(view.identity).toMatchObject({ method: "email_link", verifiedBy: staff });
    expect(view.progress.next).toBe("generate_report");
    expect(await reasonOf(step("generate_report", "staff"))).toBe("case_step_role");
    await step("generate_report", "dpo");
    expect(await reasonOf(step("review_report", "dpo", { skipReason: "" }))).toBe("skip_reason_required");
    await step("review_report", "dpo", { skipReason: "Nothing of others in the copy" });
    await step("send_report", "dpo");
    view = await step("close", "staff");
    expect(view.status).toBe("closed");
    expect(view.progress.finished).toBe(true);
    expect(view.progress.steps.map((s) => s.status)).toEqual(["done", "done", "skipped", "done", "done"]);
    expect(await reasonOf(step("close", "staff"))).toBe("request_closed");
    const actions = await t.db
      .selectFrom("auditEvent")
      .select("action")
      .where("entityId", "=", id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "request.created",
      "request.identity_verified",
      "request.step_completed",
      "request.step_skipped",
      "request.step_completed",
      "request.closed",
    ]);
  });

  it("extend once, within the first month, with a reason: the notice becomes a step", async () => {
    const { id } = await open();
    const extend = (reason: string, when = at) =>
      t.db
        .transaction()
        .execute((trx) => extendRequestCase(trx, { requestId: id, reason }, { staffUserId: dpo, at: when }));
    expect(await reasonOf(extend("busy"))).toBe("extension_reason_required");
    const view = await extend("Twelve years of records across three systems to collect");
    // Three months from 30 October: 30 January 2027, a Saturday → Monday 1 February.
    expect(view).toMatchObject({ extended: true, dueDate: "2027-02-01" });
    expect(view.progress.steps.map((s) => s.key)).toContain("notify_extension");
    expect(await reasonOf(extend("Twelve years of records across three systems"))).toBe(
      "request_already_extended",
    );
    const late = await open();
    expect(
      await reasonOf(
        t.db
          .transaction()
          .execute((trx) =>
            extendRequestCase(
              trx,
              { requestId: late.id, reason: "Twelve years of records to collect" },
              { staffUserId: dpo, at: new Date("2026-12-01T09:00:00Z") },
            ),
          ),
      ),
    ).toBe("extension_too_late");
  });

  it("link the access report that answers the case, and its document (issue 10 #4)", async () => {
    const { id } = await open();
    const other = await createPerson(t.db, { firstName: "Max" });
    const template = await getReportTemplate(t.db);
    const generate = (forPerson: string) =>
      t.db.transaction().execute((trx) =>
        recordGeneratedAccessReport(
          trx,
          {
            personId: forPerson,
            reportId: null,
            language: "de",
            templateId: template.id,
            pdf: new TextEncoder().encode("%PDF-1.4"),
            fileName: "auskunft.pdf",
            attachedDocumentIds: [],
            requestId: id,
          },
          { staffUserId: dpo, at },
        ),
      );
    // A report answers a case only of the person it is about.
    expect(await reasonOf(generate(other))).toBe("request_not_found");
    const { reportId, documentId } = await generate(personId);
    const report = await t.db
      .selectFrom("accessReport")
      .select("requestId")
      .where("id", "=", reportId)
      .executeTakeFirstOrThrow();
    expect(report.requestId).toBe(id);
    const links = await t.db
      .selectFrom("caseLink")
      .select(["personId", "documentId"])
      .where("requestId", "=", id)
      .execute();
    expect(links).toEqual(
      expect.arrayContaining([
        { personId, documentId: null },
        { personId: null, documentId },
      ]),
    );
  });

  it("refuse a receipt in the future, an unknown person and an unknown case, and change nothing", async () => {
    const before = await t.db
      .selectFrom("dataSubjectRequest")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(await reasonOf(open({ receivedAt: new Date("2026-11-03T09:00:00Z") }))).toBe(
      "request_received_in_future",
    );
    expect(await reasonOf(open({ personIds: ["00000000-0000-4000-8000-000000000000"] }))).toBe(
      "person_not_found",
    );
    expect(await reasonOf(requestCase(t.db, "00000000-0000-4000-8000-000000000000", at))).toBe(
      "request_not_found",
    );
    const after = await t.db
      .selectFrom("dataSubjectRequest")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
