import { deriveLinkToken, hashToken, linkPlaceholder } from "@purposeful/db";
import { createPerson, createPurpose } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendConsentRequest, sendDoubleOptInConfirmation } from "./consent-mails.ts";

const at = new Date("2026-11-29T12:00:00Z");
const actor = { type: "staff" as const, id: "staff-1" };
const micrositeUrl = "http://localhost:3001";
const linkSecret = "test-link-secret-test-link-secret";
let t: TestDatabase;
let newsletter: string;
let contract: string;

beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter", doubleOptIn: true });
  contract = await createPurpose(t.db, { key: "contract", defaultLegalBasis: "contract" });
});
afterAll(async () => t?.close());

describe("consent mails", () => {
  it("puts a consent request with a personal link and one-click unsubscribe into the outbox, and marks the purposes requested", async () => {
    const personId = await createPerson(t.db, {
      firstName: "Erika",
      lastName: "Muster",
      salutation: "Frau",
      emails: ["erika@example.com"],
    });
    const result = await t.db.transaction().execute((trx) =>
      sendConsentRequest(trx, {
        personId,
        purposeIds: [newsletter, contract],
        micrositeUrl,
        linkSecret,
        actor,
        at,
      }),
    );
    expect(result.purposes).toEqual(["Zweck newsletter"]);
    const mail = await t.db
      .selectFrom("outboxMessage")
      .selectAll()
      .where("personId", "=", personId)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      toAddress: "erika@example.com",
      template: "consent-request",
      language: "de",
      status: "pending",
    });
    expect(mail.text).toContain("Frau Muster");
    // The stored mail carries a placeholder; the token is derived from the secret at send time.
    const linkId = (mail.props as { linkId: string }).linkId;
    expect(mail.html).toContain(`/de/p/${linkPlaceholder(linkId)}`);
    const link = await t.db
      .selectFrom("micrositeLink")
      .selectAll()
      .where("tokenHash", "=", hashToken(deriveLinkToken(linkSecret, linkId)))
      .executeTakeFirstOrThrow();
    const email = await t.db
      .selectFrom("personEmail")
      .select("id")
      .where("personId", "=", personId)
      .executeTakeFirstOrThrow();
    // #12: the link records the address it was mailed to, so removing that address revokes it.
    expect(link).toMatchObject({ id: linkId, personId, purpose: "settings", personEmailId: email.id });
    expect(mail.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect((mail.headers as Record<string, string>)["List-Unsubscribe"]).toMatch(
      /^<http:\/\/localhost:3001\/u\/__purposeful_link_[0-9a-f-]{36}__>$/,
    );
    const records = await t.db
      .selectFrom("processingRecord")
      .select(["purposeId", "state"])
      .where("personId", "=", personId)
      .execute();
    expect(records).toEqual([{ purposeId: newsletter, state: "requested" }]);
  });

  it("refuses a request with no consent purpose, and a person without an e-mail address, writing nothing", async () => {
    const personId = await createPerson(t.db, { emails: ["x@example.com"] });
    await expect(
      t.db
        .transaction()
        .execute((trx) =>
          sendConsentRequest(trx, { personId, purposeIds: [contract], micrositeUrl, linkSecret, actor, at }),
        ),
    ).rejects.toMatchObject({ code: "validation" });
    const silent = await createPerson(t.db);
    await expect(
      t.db.transaction().execute((trx) =>
        sendConsentRequest(trx, {
          personId: silent,
          purposeIds: [newsletter],
          micrositeUrl,
          linkSecret,
          actor,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: "validation" });
    expect(
      await t.db
        .selectFrom("outboxMessage")
        .selectAll()
        .where("personId", "in", [personId, silent])
        .execute(),
    ).toEqual([]);
  });

  it("sends a double opt-in mail with a single-purpose link, or nothing when there is no address", async () => {
    const personId = await createPerson(t.db, { preferredLanguage: "en", emails: ["en@example.com"] });
    const id = await t.db.transaction().execute((trx) =>
      sendDoubleOptInConfirmation(trx, {
        personId,
        purposeIds: [newsletter],
        micrositeUrl,
        linkSecret,
        at,
      }),
    );
    const mail = await t.db
      .selectFrom("outboxMessage")
      .selectAll()
      .where("id", "=", id!)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ template: "double-opt-in", language: "en" });
    expect(mail.html).toMatch(/\/en\/confirm\/__purposeful_link_[0-9a-f-]{36}__/);
    const silent = await createPerson(t.db);
    expect(
      await t.db.transaction().execute((trx) =>
        sendDoubleOptInConfirmation(trx, {
          personId: silent,
          purposeIds: [newsletter],
          micrositeUrl,
          linkSecret,
          at,
        }),
      ),
    ).toBeNull();
  });
});
