import { listAuditEvents, suppressionHash } from "@purposeful/db";
import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suppressionSecret } from "../env";
import { requestNewLink } from "./new-link";

// "Send me a new link" is a way in like any other: an address an erased contact used gets no mail.
const now = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createPerson(t.db, { firstName: "Known", lastName: "Person", emails: ["known@example.com"] });
  // Created again with a dpo's override after an erasure: the address stays suppressed.
  await createPerson(t.db, { firstName: "Again", lastName: "Person", emails: ["again@example.com"] });
  await t.db
    .insertInto("suppressionEntry")
    .values({ emailHash: suppressionHash(suppressionSecret(), "again@example.com"), reason: "erasure" })
    .execute();
});
afterAll(async () => t?.close());

async function ask(email: string) {
  await t.db.deleteFrom("outboxMessage").execute();
  await t.db.transaction().execute((trx) => requestNewLink(trx, email, { language: "de", now }));
  const mails = await t.db.selectFrom("outboxMessage").select(["toAddress", "template"]).execute();
  const [event] = (await listAuditEvents(t.db, { action: "microsite.new_link_requested", limit: 1 })).rows;
  return { mails, event };
}

describe("send me a new link", () => {
  it("queues a settings link for a known address", async () => {
    const { mails, event } = await ask("Known@Example.com");
    expect(mails).toEqual([{ toAddress: "known@example.com", template: "settings-link" }]);
    expect(event?.changes).toEqual({ language: "de" });
  });

  it("queues nothing for a suppressed address, audited as such without the address", async () => {
    const { mails, event } = await ask(" AGAIN@example.com ");
    expect(mails).toEqual([]);
    expect(event?.changes).toEqual({ language: "de", suppressed: true });
    expect(event?.personId).toBeNull();
    expect(JSON.stringify(event)).not.toContain("again@");
  });

  it("queues nothing for an unknown address", async () => {
    const { mails, event } = await ask("nobody@example.com");
    expect(mails).toEqual([]);
    expect(event?.changes).toEqual({ language: "de" });
  });
});
