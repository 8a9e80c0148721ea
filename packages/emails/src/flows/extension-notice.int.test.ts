import {
  createRequestCase,
  extendRequestCase,
  listAuditEvents,
  type NewRequestCase,
  requestCase,
  verifyRequestIdentity,
} from "@purposeful/db";
import { createPerson, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, reasonOf, type TestDatabase } from "@purposeful/db/testing";
import type { Language } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendExtensionNotice } from "./request-mails.ts";

// Issue 11 #4: Art. 12(3) sentence 3 — the person is told of the extension, with its reason and
// the new due date, within one month of receipt; the step is done once, with the mail linked.
// Received Monday 2 November 2026, 10:00 in Berlin: the first month ends on 2 December.
const receivedAt = new Date("2026-11-02T09:00:00Z");
const at = new Date("2026-11-10T09:00:00Z");
const reason = "Twelve years of records in three archives to review";
let t: TestDatabase;
let dpo: string;
let personId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dpo = await createStaffUser(t.db, { email: "d@x.test", name: "Dana", role: "dpo", passwordHash: "x" });
  personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
});
afterAll(async () => t?.close());

const base: NewRequestCase = {
  type: "access",
  channel: "email",
  receivedAt,
  requesterName: "Frau Mustermann",
  requesterEmail: "erika@example.test",
  description: null,
  personIds: [],
  assigneeId: null,
};

async function openCase(input: Partial<NewRequestCase> = {}, extend = true) {
  const by = { staffUserId: dpo, at: receivedAt };
  return t.db.transaction().execute(async (trx) => {
    const created = await createRequestCase(trx, { ...base, personIds: [personId], ...input }, by);
    await verifyRequestIdentity(trx, { requestId: created.id, method: "known_contact", note: null }, by);
    if (extend) await extendRequestCase(trx, { requestId: created.id, reason }, { staffUserId: dpo, at });
    return created.id;
  });
}

const send = (requestId: string, now = at, language: Language = "en") =>
  t.db
    .transaction()
    .execute((trx) => sendExtensionNotice(trx, { requestId, actorId: dpo, role: "dpo", language, now }));

describe("the extension notice (Art. 12(3))", () => {
  it("is queued once to the requester with the reason and the new due date; the step is done", async () => {
    const requestId = await openCase();
    const { outboxMessageId } = await send(requestId);
    const mails = await t.db
      .selectFrom("outboxMessage")
      .selectAll()
      .where("id", "=", outboxMessageId)
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      toAddress: "erika@example.test",
      template: "request-extension",
      personId,
    });
    expect(mails[0]?.text).toContain(reason);
    expect(mails[0]?.text).toContain("by 2 February 2027 at the latest");
    expect(mails[0]?.text).toContain("Hello Frau Mustermann,");
    const view = await requestCase(t.db, requestId, at);
    expect(view.progress.steps.find((step) => step.key === "notify_extension")?.status).toBe("done");
    const step = await t.db
      .selectFrom("caseStep")
      .select(["result", "doneBy"])
      .where("requestId", "=", requestId)
      .where("key", "=", "notify_extension")
      .executeTakeFirstOrThrow();
    expect(step).toEqual({ result: { outboxMessageId }, doneBy: dpo });
    const row = await t.db
      .selectFrom("dataSubjectRequest")
      .select("extensionNotifiedAt")
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    expect(row.extensionNotifiedAt).toEqual(at);
    const [event] = (await listAuditEvents(t.db, { action: "request.extension_notice_sent", limit: 1 })).rows;
    expect(event).toMatchObject({ personId, changes: { dueDate: "2027-02-02", outboxMessageId } });
    expect(await reasonOf(send(requestId))).toBe("case_step_already_done");
    expect(
      await t.db
        .selectFrom("outboxMessage")
        .select("id")
        .where("template", "=", "request-extension")
        .execute(),
    ).toHaveLength(1);
  });

  it("is refused, changing nothing, when the case was not extended, it is late, or there is no address", async () => {
    const before = await t.db.selectFrom("outboxMessage").select("id").execute();
    const notExtended = await openCase({}, false);
    expect(await reasonOf(send(notExtended))).toBe("request_not_extended");
    const late = await openCase();
    // 00:01 on 3 December in Berlin: the first month is over.
    expect(await reasonOf(send(late, new Date("2026-12-02T23:01:00Z")))).toBe("extension_notice_late");
    const noAddress = await openCase({ requesterEmail: null });
    expect(await reasonOf(send(noAddress))).toBe("request_no_email");
    expect(await t.db.selectFrom("outboxMessage").select("id").execute()).toEqual(before);
    const steps = await t.db
      .selectFrom("caseStep")
      .select("key")
      .where("requestId", "in", [notExtended, late, noAddress])
      .where("key", "=", "notify_extension")
      .execute();
    expect(steps).toEqual([]);
  });

  it("speaks the language chosen for it", async () => {
    const requestId = await openCase();
    const { outboxMessageId } = await send(requestId, at, "de");
    const mail = await t.db
      .selectFrom("outboxMessage")
      .select(["subject", "text", "language"])
      .where("id", "=", outboxMessageId)
      .executeTakeFirstOrThrow();
    expect(mail.language).toBe("de");
    expect(mail.text).toContain("bis spätestens 02.02.2027");
  });
});
