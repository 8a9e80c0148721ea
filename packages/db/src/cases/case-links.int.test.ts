import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeDocument } from "../consent/documents.ts";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import { caseItems, linkCaseItem } from "./case-links.ts";
import { caseRecord } from "./case-record.ts";
import { completeRequestStep, createRequestCase, verifyRequestIdentity } from "./request-cases.ts";

let t: TestDatabase;
let staff: string;
let erika: string;
let stranger: string;
const at = new Date("2026-11-02T09:00:00Z");
const by = () => ({ staffUserId: staff, at });

beforeAll(async () => {
  t = await createTestDatabase();
  staff = await createStaffUser(t.db, { email: "s@x.test", name: "Sam", role: "staff", passwordHash: "x" });
  erika = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
  stranger = await createPerson(t.db, { firstName: "Fremd", lastName: "Person" });
});
afterAll(async () => t?.close());

const activityOf = async (personId: string, subject: string) =>
  (
    await t.db
      .insertInto("activity")
      .values({ personId, kind: "call", subject, occurredAt: new Date("2026-10-30T10:00:00Z") })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
const documentOf = (personId: string, fileName: string) =>
  t.db.transaction().execute((trx) =>
    storeDocument(trx, {
      personId,
      kind: "upload",
      fileName,
      contentType: "text/plain",
      content: new TextEncoder().encode("Inhalt"),
      actor: { type: "staff", id: staff },
      at,
    }),
  );

describe("activities and documents linked to a case (issue 11)", () => {
  it("link an item of a linked person once, audited; refuse another person's and a closed case's", async () => {
    const { id: requestId } = await t.db.transaction().execute((trx) =>
      createRequestCase(
        trx,
        {
          type: "objection",
          channel: "phone",
          receivedAt: new Date("2026-10-30T10:05:00Z"),
          requesterName: null,
          requesterEmail: null,
          description: null,
          personIds: [erika],
          assigneeId: null,
        },
        by(),
      ),
    );
    const call = await activityOf(erika, "Anruf: Widerspruch gegen Werbung");
    const letter = await documentOf(erika, "widerspruch.txt");
    const foreign = await documentOf(stranger, "fremd.txt");
    const ref = { requestId };

    expect((await caseItems(t.db, ref)).map((item) => [item.kind, item.label, item.linked])).toEqual([
      ["document", "widerspruch.txt", false],
      ["activity", "Anruf: Widerspruch gegen Werbung", false],
    ]);
    await t.db.transaction().execute((trx) => linkCaseItem(trx, { ref, item: { activityId: call } }, by()));
    await t.db.transaction().execute((trx) => linkCaseItem(trx, { ref, item: { activityId: call } }, by()));
    await t.db.transaction().execute((trx) => linkCaseItem(trx, { ref, item: { documentId: letter } }, by()));
    const record = await caseRecord(t.db, ref);
    expect(record.activities.map((a) => a.subject)).toEqual(["Anruf: Widerspruch gegen Werbung"]);
    expect(record.documents.map((d) => d.fileName)).toEqual(["widerspruch.txt"]);
    expect(record.history.filter((e) => e.action === "request.item_linked")).toHaveLength(2);
    expect((await caseItems(t.db, ref)).every((item) => item.linked)).toBe(true);

    expect(
      await reasonOf(
        t.db.transaction().execute((trx) => linkCaseItem(trx, { ref, item: { documentId: foreign } }, by())),
      ),
    ).toBe("case_item_not_found");

    await t.db.transaction().execute(async (trx) => {
      await verifyRequestIdentity(trx, { requestId, method: "known_contact", note: null }, by());
      for (const key of ["record_objection", "check_compelling_grounds", "confirm_to_person", "close"])
        await completeRequestStep(trx, { requestId, key }, { ...by(), role: "dpo" });
    });
    const later = await activityOf(erika, "Rückruf");
    expect(
      await reasonOf(
        t.db.transaction().execute((trx) => linkCaseItem(trx, { ref, item: { activityId: later } }, by())),
      ),
    ).toBe("request_closed");
    expect((await caseRecord(t.db, ref)).activities).toHaveLength(1);
  });
});
