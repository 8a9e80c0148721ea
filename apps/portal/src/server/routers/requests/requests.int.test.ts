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

  it("checks in a request mail: the sender, date and text prefill the case, the mail is kept and linked", async () => {
    await t.db
      .insertInto("personEmail")
      .values({ personId, address: "Erika@Example.test", isPrimary: true })
      .execute();
    const eml = [
      "From: Erika Mustermann <erika@example.test>",
      "To: datenschutz@firma.test",
      "Date: Fri, 30 Oct 2026 16:00:00 +0100",
      "Subject: Auskunft nach Art. 15",
      "",
      "Bitte teilen Sie mir mit, welche Daten Sie ueber mich speichern.",
    ].join("\r\n");
    const email = { fileName: "auskunft.eml", contentBase64: Buffer.from(eml).toString("base64") };
    const parsed = await as("staff").requests.parseEmail(email);
    expect(parsed).toMatchObject({
      fromName: "Erika Mustermann",
      fromAddress: "erika@example.test",
      date: "2026-10-30T15:00:00.000Z",
      subject: "Auskunft nach Art. 15",
      persons: [{ id: personId, firstName: "Erika", lastName: "Mustermann" }],
    });
    expect(parsed.text).toContain("welche Daten");
    const created = await as("staff").requests.create({
      type: "access",
      channel: "email",
      receivedAt: new Date(parsed.date as string),
      requesterName: parsed.fromName,
      requesterEmail: parsed.fromAddress,
      description: parsed.text,
      personIds: parsed.persons.map((p) => p.id),
      email,
    });
    const record = await as("staff").requests.record({ requestId: created.id });
    expect(record.documents).toEqual([expect.objectContaining({ fileName: "auskunft.eml", kind: "email" })]);
    expect(record.persons.map((p) => p.id)).toEqual([personId]);
    const open = await as("staff").requests.list({ state: "open" });
    expect(open.find((row) => row.id === created.id)).toMatchObject({
      number: created.number,
      dueDate: "2026-11-30",
      nextStep: "verify_identity",
    });
  });

  it("assigns the case to an active staff user, or to nobody; an unknown one is refused and nothing changes", async () => {
    const { id: requestId } = await as("staff").requests.create(newRequest);
    const assigned = await as("staff").requests.assign({ requestId, assigneeId: staffIds.marketing });
    expect(assigned.assigneeId).toBe(staffIds.marketing);
    expect(await failure(as("staff").requests.assign({ requestId, assigneeId: "nobody-here" }), "de")).toBe(
      "NOT_FOUND: Diese Person gibt es unter den aktiven Benutzern nicht; wählen Sie eine andere.",
    );
    expect((await as("staff").requests.get({ requestId })).assigneeId).toBe(staffIds.marketing);
    expect((await as("staff").requests.assign({ requestId, assigneeId: null })).assigneeId).toBeNull();
    const record = await as("staff").requests.record({ requestId });
    expect(record.history.map((event) => event.action)).toEqual([
      "request.created",
      "request.assigned",
      "request.assigned",
    ]);
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

  it("answers the requester (Art. 12(3), (4)): reasons required to refuse, the remedies named, the step done", async () => {
    const { id: requestId } = await as("staff").requests.create({
      ...newRequest,
      type: "objection",
      requesterEmail: "erika@example.test",
    });
    await as("staff").requests.verifyIdentity({ requestId, method: "known_contact", note: null });
    await as("staff").requests.completeStep({ requestId, key: "record_objection" });
    await as("dpo").requests.completeStep({ requestId, key: "check_compelling_grounds" });
    const refuse = { requestId, language: "de" as const, outcome: "refused" as const, message: "nein" };
    expect(await failure(as("staff").requests.sendAnswer(refuse), "de")).toBe(
      "BAD_REQUEST: Wenn Sie der Anfrage nicht oder nur teilweise nachkommen, nennen Sie die Gründe (Art. 12 Abs. 4 DSGVO).",
    );
    const { outboxMessageId } = await as("staff").requests.sendAnswer({
      ...refuse,
      message:
        "Die Verträge laufen noch; wir brauchen Ihre Adresse für die Lieferung (Art. 6 Abs. 1 lit. b).",
    });
    const mail = await t.db
      .selectFrom("outboxMessage")
      .select(["toAddress", "template", "subject", "text"])
      .where("id", "=", outboxMessageId)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ toAddress: "erika@example.test", template: "request-answer" });
    expect(mail.text).toContain("Die Verträge laufen noch");
    expect(mail.text).toContain("Art. 77 DSGVO");
    const view = await as("staff").requests.get({ requestId });
    expect(view.progress.steps.find((step) => step.key === "confirm_to_person")?.status).toBe("done");
    expect(view.progress.next).toBe("close");
    expect(await failure(as("staff").requests.sendAnswer(refuse))).toBe(
      "CONFLICT: This step is already done.",
    );
  });
});
