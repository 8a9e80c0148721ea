import { createRequestCase, sendDueReminders } from "@purposeful/db";
import { createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../outbox/dispatch.ts";

// The deadlines route queues its reminders unrendered; the dispatcher renders each in its
// recipient's language, with the case number and a link to the case, and nothing about the person.
let t: TestDatabase;
let requestId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const staff = await createStaffUser(t.db, {
    email: "sam@company.example",
    name: "Sam Sachbearbeitung",
    role: "staff",
    passwordHash: "x",
    locale: "en",
  });
  await createStaffUser(t.db, {
    email: "dana@company.example",
    name: "Dana Datenschutz",
    role: "dpo",
    passwordHash: "x",
    locale: "de",
  });
  requestId = (
    await t.db.transaction().execute((trx) =>
      createRequestCase(
        trx,
        {
          type: "erasure",
          channel: "letter",
          receivedAt: new Date("2026-10-30T15:00:00Z"),
          requesterName: "Quirinus Quast",
          requesterEmail: "quirinus@example.org",
          description: "Please erase me.",
          personIds: [],
          assigneeId: staff,
        },
        { staffUserId: staff, at: new Date("2026-11-02T09:00:00Z") },
      ),
    )
  ).id;
});
afterAll(async () => t?.close());

describe("issue 11 #8 deadline reminder mails", () => {
  it("are rendered at dispatch in each recipient's language, linked to the case", async () => {
    // Friday 27 November 2026: the due day is Monday 30 November.
    const now = new Date("2026-11-27T08:00:00Z");
    expect(await sendDueReminders(t.db, now)).toMatchObject({ sent: 2, mails: 2 });
    const summary = await dispatchOutbox(t.db, {
      transport: null,
      now: () => now,
      from: "Purposeful <privacy@purposeful.example>",
      portalUrl: "https://portal.example",
    });
    expect(summary).toMatchObject({ claimed: 2, captured: 2 });
    const mails = await t.db
      .selectFrom("outboxMessage")
      .select(["toAddress", "subject", "text", "html"])
      .orderBy("toAddress")
      .execute();
    expect(mails.map((mail) => [mail.toAddress, mail.subject])).toEqual([
      ["dana@company.example", expect.stringMatching(/^Frist: DSR-2026-\d{4} ist am 30\.11\.2026 fällig/)],
      ["sam@company.example", expect.stringMatching(/^Deadline: DSR-2026-\d{4} is due on 30 November 2026$/)],
    ]);
    expect(mails[0]?.text).toContain("Guten Tag Dana Datenschutz,");
    expect(mails[1]?.text).toContain("in 3 day(s)");
    expect(mails[1]?.text).toContain("Erasure");
    for (const mail of mails) {
      expect(mail.html).toContain(`href="https://portal.example/requests/${requestId}"`);
      for (const personal of ["Quirinus", "Quast", "example.org", "erase me"])
        expect(mail.text).not.toContain(personal);
    }
  });
});
