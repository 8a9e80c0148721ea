import { liftRestriction, linkPlaceholder, restrictProcessing } from "@purposeful/db";
import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../outbox/dispatch.ts";
import { sendConsentReceipt } from "./consent-mails.ts";
import { sendRestrictionLiftedNotice } from "./restriction-mails.ts";

const restrictedAt = new Date("2026-10-05T08:00:00Z");
const at = new Date("2026-11-29T12:00:00Z");
const actor = { type: "staff" as const, id: "staff-1" };
const micrositeUrl = "http://localhost:3001";
const linkSecret = "test-link-secret-test-link-secret";
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

/** Restricts on 5 October, lifts on 29 November and queues the notice, as the portal does: one transaction. */
async function restrictThenLift(personId: string) {
  await t.db
    .transaction()
    .execute((trx) => restrictProcessing(trx, personId, { reason: "accuracy" }, actor, restrictedAt));
  return t.db.transaction().execute(async (trx) => {
    const lifted = await liftRestriction(trx, personId, { reason: "verified" }, actor, at);
    return sendRestrictionLiftedNotice(trx, {
      personId,
      restrictedAt: lifted.restrictedAt,
      micrositeUrl,
      linkSecret,
      at,
    });
  });
}

const outbox = (personId: string) =>
  t.db
    .selectFrom("outboxMessage")
    .selectAll()
    .where("personId", "=", personId)
    .orderBy("createdAt")
    .execute();

describe("Art. 18(3): the person is told when the restriction is lifted", () => {
  it("queues the notice to the primary address in their language, with since when and a settings link", async () => {
    const personId = await createPerson(t.db, {
      firstName: "Jane",
      lastName: "Miller",
      preferredLanguage: "en",
      emails: ["jane@example.com", "other@example.com"],
    });
    const outboxId = await restrictThenLift(personId);
    expect(outboxId).not.toBeNull();
    const [mail] = await outbox(personId);
    expect(mail).toMatchObject({
      toAddress: "jane@example.com",
      template: "restriction-lifted",
      language: "en",
      status: "pending",
      subject: "The restriction of processing of your data is being lifted",
    });
    expect(mail?.text).toContain("since 5 October 2026");
    expect(mail?.text).toContain("on 29 November 2026");
    const linkId = (mail?.props as { linkId?: string } | undefined)?.linkId ?? "missing";
    expect(mail?.html).toContain(`${micrositeUrl}/en/p/${linkPlaceholder(linkId)}`);
  });

  it("queues nothing for a person without an e-mail address", async () => {
    const personId = await createPerson(t.db);
    expect(await restrictThenLift(personId)).toBeNull();
    expect(await outbox(personId)).toEqual([]);
  });
});

describe("the dispatcher and a restriction that came after the mail was queued", () => {
  it("cancels the queued mail with the domain's reason, and sends the lifting notice queued after the change", async () => {
    // Only this test's mails are due.
    await t.db.deleteFrom("outboxMessage").execute();
    const personId = await createPerson(t.db, { emails: ["late@example.com"] });
    const other = await createPerson(t.db, { emails: ["fine@example.com"] });
    for (const id of [personId, other])
      await t.db.transaction().execute((trx) =>
        sendConsentReceipt(trx, {
          personId: id,
          granted: ["Newsletter"],
          withdrawn: [],
          micrositeUrl,
          linkSecret,
          at,
          changeId: `c-${id}`,
        }),
      );
    await t.db
      .transaction()
      .execute((trx) => restrictProcessing(trx, personId, { reason: "objection" }, actor, at));
    const summary = await dispatchOutbox(t.db, { transport: null, now: () => at, from: "test@example.com" });
    expect(summary).toMatchObject({ claimed: 2, cancelled: 1, captured: 1 });
    const [cancelled] = await outbox(personId);
    expect(cancelled).toMatchObject({ status: "cancelled", lastError: "restricted" });
    expect((await outbox(other))[0]?.status).toBe("captured");

    await t.db.transaction().execute(async (trx) => {
      const lifted = await liftRestriction(trx, personId, { reason: "objection rejected" }, actor, at);
      await sendRestrictionLiftedNotice(trx, {
        personId,
        restrictedAt: lifted.restrictedAt,
        micrositeUrl,
        linkSecret,
        at,
      });
    });
    expect(
      await dispatchOutbox(t.db, { transport: null, now: () => at, from: "test@example.com" }),
    ).toMatchObject({
      claimed: 1,
      cancelled: 0,
      captured: 1,
    });
  });
});
