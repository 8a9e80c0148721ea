import { hashToken } from "@purposeful/db";
import { createPerson, createPurpose } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendConsentRequest, sendDoubleOptInConfirmation } from "./consent-mails.ts";

const at = new Date("2026-11-29T12:00:00Z");
const actor = { type: "staff" as const, id: "staff-1" };
const micrositeUrl = "http://localhost:3001";
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
    const result = await t.db
      .transaction()
      .execute((trx) =>
        sendConsentRequest(trx, { personId, purposeIds: [newsletter, contract], micrositeUrl, actor, at }),
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
    const token = /\/de\/p\/([A-Za-z0-9_-]{43})/.exec(mail.html)?.[1];
    expect(token).toBeDefined();
    const link = await t.db
      .selectFrom("micrositeLink")
      .selectAll()
      .where("tokenHash", "=", hashToken(token!))
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({ personId, purpose: "settings" });
    expect(JSON.stringify(mail.props)).not.toContain(token!);
    expect(mail.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect((mail.headers as Record<string, string>)["List-Unsubscribe"]).toMatch(
      /^<http:\/\/localhost:3001\/u\/[A-Za-z0-9_-]{43}>$/,
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
          sendConsentRequest(trx, { personId, purposeIds: [contract], micrositeUrl, actor, at }),
        ),
    ).rejects.toMatchObject({ code: "validation" });
    const silent = await createPerson(t.db);
    await expect(
      t.db
        .transaction()
        .execute((trx) =>
          sendConsentRequest(trx, { personId: silent, purposeIds: [newsletter], micrositeUrl, actor, at }),
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
    const id = await t.db
      .transaction()
      .execute((trx) =>
        sendDoubleOptInConfirmation(trx, { personId, purposeIds: [newsletter], micrositeUrl, at }),
      );
    const mail = await t.db
      .selectFrom("outboxMessage")
      .selectAll()
      .where("id", "=", id!)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ template: "double-opt-in", language: "en" });
    expect(mail.html).toMatch(/\/en\/confirm\/[A-Za-z0-9_-]{43}/);
    const silent = await createPerson(t.db);
    expect(
      await t.db
        .transaction()
        .execute((trx) =>
          sendDoubleOptInConfirmation(trx, { personId: silent, purposeIds: [newsletter], micrositeUrl, at }),
        ),
    ).toBeNull();
  });
});
