import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextOf, createStaffOfEveryRole } from "../../../test-support/staff-of-every-role";
import { failure } from "../../../test-support/trpc-failure";
import { createCallerFactory, router } from "../../trpc";
import { requestsRouter } from "./router";

const createCaller = createCallerFactory(router({ requests: requestsRouter }));
const at = new Date("2026-11-02T09:00:00Z");
let t: TestDatabase;
const staffIds = {} as Record<StaffRole, string>;
let personId: string;

function as(role: StaffRole, locale: Language = "en") {
  return createCaller(contextOf(t.db, staffIds, role, at, locale));
}

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(staffIds, await createStaffOfEveryRole(t.db));
  personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
});
afterAll(async () => t?.close());

const newRequest = {
  type: "erasure" as const,
  channel: "letter" as const,
  receivedAt: new Date("2026-10-30T15:00:00Z"),
  requesterName: "Erika Mustermann",
  description: "Bitte löschen Sie alle meine Daten.",
  personIds: [] as string[],
};

describe("request cases from the portal (issue 11)", () => {
  it("staff record a request and verify the identity; the erasure itself is the DPO's", async () => {
    const created = await as("staff").requests.create({ ...newRequest, personIds: [personId] });
    expect(created).toMatchObject({ dueDate: "2026-11-30" });
    const { requestId } = { requestId: created.id };
    expect(await failure(as("staff").requests.completeStep({ requestId, key: "choose_level" }))).toBe(
      "BAD_REQUEST: Please verify the requester's identity first (Art. 12(6) GDPR). No data is disclosed or erased before that.",
    );
    await as("staff").requests.verifyIdentity({
      requestId,
      method: "id_document",
      note: "ID card seen at the desk",
    });
    expect(await failure(as("staff").requests.completeStep({ requestId, key: "choose_level" }), "de")).toBe(
      "FORBIDDEN: Diesen Schritt darf nur der oder die Datenschutzbeauftragte erledigen.",
    );
    const view = await as("dpo").requests.completeStep({ requestId, key: "choose_level" });
    expect(view.progress.next).toBe("erase");
    expect(view.identity).toMatchObject({ method: "id_document", verifiedBy: staffIds.staff });
  });

  it("only the DPO extends, with a reason, and the answer to bad input is in the user's language", async () => {
    const { id: requestId } = await as("staff").requests.create(newRequest);
    expect(await failure(as("staff").requests.extend({ requestId, reason: "x".repeat(20) }))).toMatch(
      /^FORBIDDEN/,
    );
    expect(await failure(as("dpo").requests.extend({ requestId, reason: "busy" }), "de")).toMatch(
      /^BAD_REQUEST: Eine Fristverlängerung braucht eine Begründung/,
    );
    const extended = await as("dpo").requests.extend({
      requestId,
      reason: "Records in three systems to collect",
    });
    expect(extended).toMatchObject({ extended: true, dueDate: "2027-02-01" });
    expect(
      await failure(
        as("staff").requests.create({ ...newRequest, receivedAt: new Date("2026-11-05T10:00:00Z") }),
        "de",
      ),
    ).toMatch(/^BAD_REQUEST: Der Eingang kann nicht in der Zukunft liegen/);
    expect(await failure(as("staff").requests.get({ requestId: "not-a-uuid" }))).toMatch(
      /^BAD_REQUEST|^NOT_FOUND/,
    );
  });

  it("the DPO tells the requester of the extension once; without an extension it is refused in the user's language", async () => {
    const { id: requestId } = await as("staff").requests.create({
      ...newRequest,
      requesterEmail: "erika@example.test",
    });
    await as("staff").requests.verifyIdentity({ requestId, method: "known_contact", note: null });
    expect(await failure(as("dpo").requests.sendExtensionNotice({ requestId, language: "de" }), "de")).toBe(
      "BAD_REQUEST: Die Frist dieser Anfrage wurde nicht verlängert; es gibt keine Verlängerung mitzuteilen.",
    );
    await as("dpo").requests.extend({ requestId, reason: "Records in three systems to collect" });
    expect(await failure(as("staff").requests.sendExtensionNotice({ requestId, language: "de" }))).toMatch(
      /^FORBIDDEN/,
    );
    const { outboxMessageId } = await as("dpo").requests.sendExtensionNotice({ requestId, language: "de" });
    const mail = await t.db
      .selectFrom("outboxMessage")
      .select(["toAddress", "template", "text"])
      .where("id", "=", outboxMessageId)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ toAddress: "erika@example.test", template: "request-extension" });
    expect(mail.text).toContain("Records in three systems to collect");
    expect(mail.text).toContain("bis spätestens 01.02.2027");
    const view = await as("staff").requests.get({ requestId });
    expect(view.progress.steps.find((step) => step.key === "notify_extension")?.status).toBe("done");
    expect(await failure(as("dpo").requests.sendExtensionNotice({ requestId, language: "de" }))).toBe(
      "CONFLICT: This step is already done.",
    );
  });
});
