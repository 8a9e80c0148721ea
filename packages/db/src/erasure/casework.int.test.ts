import { keepsRequesterContact, requestCaseStatuses } from "@purposeful/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestCase } from "../cases/request-case-view.ts";
import { completeRequestStep, createRequestCase, verifyRequestIdentity } from "../cases/request-cases.ts";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import { closedCaseSql } from "./erase-level-three.ts";
import { erasePerson } from "./erase-person.ts";
import { secret } from "./erasure-fixture.ts";

let t: TestDatabase;
let dpoId: string;
const at = new Date("2026-11-02T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  dpoId = await createStaffUser(t.db, { email: "d@x.test", name: "Dana", role: "dpo", passwordHash: "x" });
});
afterAll(async () => t?.close());

const by = () => ({ staffUserId: dpoId, role: "dpo" as const, at });
const step = (requestId: string, key: string, result?: Record<string, string>) =>
  t.db.transaction().execute((trx) => completeRequestStep(trx, { requestId, key, result }, by()));

describe("casework after a level-3 erasure (Art. 5(2), 12(3), 17(3)(b))", () => {
  it("the SQL says what keepsRequesterContact says, for every status", async () => {
    const { id } = await t.db.transaction().execute((trx) =>
      createRequestCase(
        trx,
        {
          type: "access",
          channel: "letter",
          receivedAt: at,
          requesterName: null,
          requesterEmail: null,
          description: null,
          personIds: [],
          assigneeId: null,
        },
        by(),
      ),
    );
    for (const status of requestCaseStatuses) {
      await t.db.updateTable("dataSubjectRequest").set({ status }).where("id", "=", id).execute();
      const { rows } = await sql<{ closed: boolean }>`
        SELECT ${closedCaseSql} AS closed FROM data_subject_request WHERE id = ${id}`.execute(t.db);
      expect(rows[0]?.closed, status).toBe(!keepsRequesterContact(status));
    }
  });

  it("an open erasure case keeps the requester's address for the answer; closing it clears them once the answer left", async () => {
    const personId = await createPerson(t.db, { firstName: "Erika", lastName: "Loeschmich" });
    const address = "erika.loeschmich@example.test";
    await t.db.insertInto("personEmail").values({ personId, address, isPrimary: true }).execute();
    const { id: requestId } = await t.db.transaction().execute((trx) =>
      createRequestCase(
        trx,
        {
          type: "erasure",
          channel: "microsite",
          receivedAt: at,
          requesterName: "Erika Loeschmich",
          requesterEmail: address,
          description: "Bitte alles löschen.",
          personIds: [personId],
          assigneeId: null,
        },
        by(),
      ),
    );
    await t.db
      .transaction()
      .execute((trx) => verifyRequestIdentity(trx, { requestId, method: "email_link", note: "Link" }, by()));
    await step(requestId, "choose_level");
    const { erasureId } = await erasePerson(t.db, {
      personId,
      level: 3,
      reason: "request",
      actor: { type: "staff", id: dpoId, role: "dpo" },
      now: at,
      suppressionSecret: secret,
    });
    await step(requestId, "erase", { erasureId });
    await step(requestId, "notify_recipients");
    // Erased, but the case still knows whom to answer.
    expect(await requestCase(t.db, requestId, at)).toMatchObject({
      requesterEmail: address,
      requesterName: "Erika Loeschmich",
      description: "Bitte alles löschen.",
    });

    // The answer, as the portal queues it (no person: they are erased), still waiting.
    const answer = await t.db
      .insertInto("outboxMessage")
      .values({
        idempotencyKey: `request-answer:${requestId}`,
        toAddress: address,
        template: "request-answer",
        language: "de",
        props: JSON.stringify({ requestId }),
        personId: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await step(requestId, "confirm_to_person", { erasureId });
    expect(await reasonOf(step(requestId, "close"))).toBe("request_answer_waiting");
    expect((await requestCase(t.db, requestId, at)).status).not.toBe("closed");

    await t.db.updateTable("outboxMessage").set({ status: "sent" }).where("id", "=", answer.id).execute();
    await step(requestId, "close");
    expect(await requestCase(t.db, requestId, at)).toMatchObject({
      status: "closed",
      requesterEmail: null,
      requesterName: null,
      description: null,
    });
    const left = await t.db.selectFrom("outboxMessage").select("id").where("id", "=", answer.id).execute();
    expect(left).toEqual([]);
    const notes = await t.db
      .selectFrom("caseStep")
      .select("note")
      .where("requestId", "=", requestId)
      .where("note", "is not", null)
      .execute();
    expect(notes).toEqual([]);
  });
});
