import { deriveLinkToken, listAuditEvents, requestCase, suppressionHash } from "@purposeful/db";
import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, reasonOf, type TestDatabase } from "@purposeful/db/testing";
import type { RequestType } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileRequestFromMicrosite, sendRequestVerificationLink } from "./request-mails.ts";

// Issue 11 #5: the request form's link goes to known and unknown addresses alike, never to a
// suppressed one; the link files one case, verified by that link, with a receipt in the outbox.
const linkSecret = "test-link-secret-test-link-secret";
const suppressionSecret = "test-suppression-secret-test-suppression";
const micrositeUrl = "http://localhost:3001";
// Monday 2 November 2026, 10:00 in Berlin; one month later, 2 December, is a Wednesday.
const at = new Date("2026-11-02T09:00:00Z");
let t: TestDatabase;
let known: string;

beforeAll(async () => {
  t = await createTestDatabase();
  known = await createPerson(t.db, { firstName: "Erika", lastName: "Known", emails: ["erika@example.test"] });
  const erased = await createPerson(t.db, {
    firstName: "Ex",
    lastName: "Erased",
    emails: ["gone@example.test"],
  });
  await t.db.updateTable("person").set({ erasedLevel: 3 }).where("id", "=", erased).execute();
  await t.db
    .insertInto("suppressionEntry")
    .values({ emailHash: suppressionHash(suppressionSecret, "once@example.test"), reason: "erasure" })
    .execute();
});
afterAll(async () => t?.close());

async function ask(email: string, when = at) {
  await t.db.deleteFrom("outboxMessage").execute();
  await t.db.transaction().execute((trx) =>
    sendRequestVerificationLink(trx, {
      email,
      language: "en",
      micrositeUrl,
      linkSecret,
      suppressionSecret,
      at: when,
    }),
  );
  const mails = await t.db
    .selectFrom("outboxMessage")
    .select(["toAddress", "personId", "template", "subject", "text", "props"])
    .execute();
  const [event] = (await listAuditEvents(t.db, { action: "microsite.request_link_requested", limit: 1 }))
    .rows;
  const linkId = (mails[0]?.props as { linkId?: string } | undefined)?.linkId;
  return { mails, event, token: linkId ? deriveLinkToken(linkSecret, linkId) : null };
}

const file = (token: string, type: RequestType = "access", now = new Date(at.getTime() + 3_600_000)) =>
  t.db.transaction().execute((trx) =>
    fileRequestFromMicrosite(trx, {
      token,
      type,
      message: "What do you store about me?",
      language: "en",
      now,
    }),
  );

const requestCount = async () =>
  Number(
    (
      await t.db
        .selectFrom("dataSubjectRequest")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("the request form's verification link", () => {
  it("goes to a known and an unknown address with the same words, bound to the person only when known", async () => {
    const first = await ask("Erika@Example.test ");
    const second = await ask("stranger@example.test");
    expect(first.mails).toMatchObject([{ toAddress: "erika@example.test", personId: known }]);
    expect(second.mails).toMatchObject([{ toAddress: "stranger@example.test", personId: null }]);
    const [a, b] = [first.mails[0], second.mails[0]];
    expect(a?.subject).toBe(b?.subject);
    const withoutLink = (text?: string | null) => text?.replace(/__purposeful_link_[0-9a-f-]+__/g, "TOKEN");
    expect(withoutLink(a?.text)).toBe(withoutLink(b?.text));
    expect(a?.text).not.toContain("Erika");
    expect(first.event?.changes).toEqual({ language: "en" });
    expect(second.event?.changes).toEqual({ language: "en" });
    const links = await t.db.selectFrom("micrositeRequestLink").select(["tokenHash", "email"]).execute();
    expect(JSON.stringify(links)).not.toContain(first.token);
  });

  it("sends nothing to a suppressed address or an erased person's, audited without the address", async () => {
    for (const email of ["once@example.test", "gone@example.test"]) {
      const { mails, event } = await ask(email);
      expect(mails).toEqual([]);
      expect(event?.changes).toEqual({ language: "en", suppressed: true });
      expect(event?.personId).toBeNull();
      expect(JSON.stringify(event)).not.toContain(email.split("@")[0]);
    }
    const rows = await t.db.selectFrom("micrositeRequestLink").select("email").execute();
    expect(rows.map((row) => row.email)).not.toContain("gone@example.test");
  });
});

describe("filing the request", () => {
  it("opens a case through the microsite, identity verified by the link, with the receipt queued", async () => {
    const { token } = await ask("erika@example.test");
    await t.db.deleteFrom("outboxMessage").execute();
    const filed = await file(token ?? "", "erasure");
    const view = await requestCase(t.db, filed.requestId, at);
    expect(view).toMatchObject({
      channel: "microsite",
      type: "erasure",
      requesterEmail: "erika@example.test",
      description: "What do you store about me?",
      personIds: [known],
      dueDate: "2026-12-02",
      identity: { method: "email_link", verifiedBy: null },
      status: "in_progress",
    });
    expect(filed.number).toMatch(/^DSR-2026-\d{4}$/);
    const [receipt] = await t.db.selectFrom("outboxMessage").selectAll().execute();
    expect(receipt).toMatchObject({
      template: "request-receipt",
      toAddress: "erika@example.test",
      personId: known,
    });
    expect(receipt?.text).toContain(filed.number);
    expect(receipt?.text).toContain("Erasure of your data (Art. 17 GDPR)");
    expect(receipt?.text).toContain("2 November 2026 at 11:00 (CET)");
    expect(receipt?.text).toContain("by 2 December 2026 at the latest");
    const events = await listAuditEvents(t.db, { personId: known, limit: 10 });
    expect(events.rows.map((e) => [e.action, e.actorType])).toEqual(
      expect.arrayContaining([
        ["request.created", "data_subject"],
        ["request.identity_verified", "data_subject"],
      ]),
    );
  });

  it("opens a case without a person for an address we do not hold", async () => {
    const { token } = await ask("stranger@example.test");
    const filed = await file(token ?? "");
    const view = await requestCase(t.db, filed.requestId, at);
    expect(view).toMatchObject({
      personIds: [],
      requesterEmail: "stranger@example.test",
      identity: { method: "email_link" },
    });
  });

  it("refuses a used, an expired or a made-up link and changes nothing", async () => {
    const { token } = await ask("erika@example.test");
    await file(token ?? "");
    const before = await requestCount();
    await t.db.deleteFrom("outboxMessage").execute();
    expect(await reasonOf(file(token ?? ""))).toBe("request_link_invalid");
    const late = await ask("erika@example.test");
    expect(await reasonOf(file(late.token ?? "", "access", new Date(at.getTime() + 25 * 3_600_000)))).toBe(
      "request_link_invalid",
    );
    await t.db.deleteFrom("outboxMessage").execute();
    expect(await reasonOf(file("made-up-token-made-up-token"))).toBe("request_link_invalid");
    expect(await requestCount()).toBe(before);
    expect(await t.db.selectFrom("outboxMessage").select("id").execute()).toEqual([]);
  });

  it("an expired link is cleared with the next request, so a stranger's address does not stay", async () => {
    await ask("passing@example.test");
    await ask("erika@example.test", new Date(at.getTime() + 25 * 3_600_000));
    const rows = await t.db.selectFrom("micrositeRequestLink").select("email").execute();
    expect(rows.map((row) => row.email)).toEqual(["erika@example.test"]);
  });
});
