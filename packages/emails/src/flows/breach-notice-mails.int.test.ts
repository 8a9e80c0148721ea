import {
  assessIncidentRisk,
  bulkJobHandlers,
  completeIncidentStep,
  createIncident,
  getCompanySettings,
  runBulkJobs,
  startSubjectsNotification,
  subjectsNotificationProgress,
  updateCompanySettings,
} from "@purposeful/db";
import { createPerson, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../outbox/dispatch.ts";

const awareAt = new Date("2026-11-02T08:00:00Z");
const at = new Date("2026-11-03T10:00:00Z");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe("Art. 34 notice from the job to the dispatcher", () => {
  it("renders each queued notice in the person's language; restricted persons get it, erased ones not", async () => {
    const dpo = await createStaffUser(t.db, {
      email: "d@x.test",
      name: "Dana",
      role: "dpo",
      passwordHash: "x",
    });
    const by = { staffUserId: dpo, role: "dpo" as const, at };
    const tx = <T>(run: (trx: typeof t.db) => Promise<T>) => t.db.transaction().execute(run);
    await tx(async (trx) =>
      updateCompanySettings(
        trx,
        {
          ...(await getCompanySettings(trx)),
          dpoName: "Dr. Dana Datenschutz",
          dpoEmail: "dsb@firma.example",
        },
        by,
      ),
    );
    const jane = await createPerson(t.db, {
      firstName: "Jane",
      lastName: "Miller",
      preferredLanguage: "en",
      emails: ["jane@example.com"],
    });
    const rita = await createPerson(t.db, {
      firstName: "Rita",
      lastName: "Ruhig",
      emails: ["rita@example.com"],
    });
    const otto = await createPerson(t.db, {
      firstName: "Otto",
      lastName: "Weg",
      emails: ["otto@example.com"],
    });
    await t.db.updateTable("person").set({ restricted: true }).where("id", "=", rita).execute();
    const { id: incidentId } = await tx((trx) =>
      createIncident(
        trx,
        {
          title: "Mailbox",
          awareAt,
          occurredAt: null,
          discoveredBy: null,
          nature: "Someone read the support mailbox.",
          dataCategories: ["contact data"],
          subjectsApprox: 3,
          recordsApprox: 3,
          personIds: [jane, rita, otto],
        },
        { staffUserId: dpo, at: awareAt },
      ),
    );
    await tx((trx) => completeIncidentStep(trx, { incidentId, key: "contain" }, by));
    await tx((trx) =>
      assessIncidentRisk(
        trx,
        {
          incidentId,
          risk: "high",
          reasons: "Unencrypted contract data was read",
          consequences: "Phishing mails that look like ours.",
          measures: "All passwords were reset.",
        },
        by,
      ),
    );
    await tx((trx) => completeIncidentStep(trx, { incidentId, key: "notify_authority", notifiedAt: at }, by));
    await tx((trx) => startSubjectsNotification(trx, { incidentId }, by));
    await runBulkJobs(t.db, bulkJobHandlers, { now: () => at });
    // Erased after the notice was queued: it is not sent.
    await t.db.updateTable("person").set({ erasedLevel: 3 }).where("id", "=", otto).execute();

    const summary = await dispatchOutbox(t.db, { transport: null, now: () => at, from: "test@example.com" });
    expect(summary).toMatchObject({ claimed: 3, captured: 2, cancelled: 1 });
    const mails = await t.db
      .selectFrom("outboxMessage")
      .select(["personId", "status", "subject", "text", "lastError"])
      .where("template", "=", "breach-notice")
      .execute();
    const of = (personId: string) => mails.find((mail) => mail.personId === personId)!;
    expect(of(jane)).toMatchObject({
      status: "captured",
      subject: "Important: your data was affected by a personal data breach",
    });
    for (const phrase of [
      "Hello Jane Miller,",
      "Art. 34 GDPR",
      "2 November 2026",
      "Someone read the support mailbox.",
      "Phishing mails that look like ours.",
      "All passwords were reset.",
      "Dr. Dana Datenschutz",
      "dsb@firma.example",
    ])
      expect(of(jane).text).toContain(phrase);
    expect(of(rita)).toMatchObject({ status: "captured" });
    expect(of(rita).text).toContain("Art. 34 DSGVO");
    expect(of(otto)).toMatchObject({ status: "cancelled", lastError: "erased" });
    expect(await subjectsNotificationProgress(t.db, incidentId, at)).toMatchObject({
      queued: 3,
      sent: 2,
      undelivered: 1,
      done: true,
    });
  });
});
