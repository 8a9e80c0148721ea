import {
  bulkJobHandlersWith,
  getCompanySettings,
  runBulkJobs,
  startRetentionRun,
  updateCompanySettings,
} from "@purposeful/db";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../outbox/dispatch.ts";

// The retention sweep queues its summary unrendered; the dispatcher renders it for the DPO.
const at = new Date("2026-11-30T09:00:00Z");
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe("#9 the retention summary to the DPO", () => {
  it("#9 is rendered at dispatch with the run's counts, the portal link, and no personal data", async () => {
    await t.db.transaction().execute(async (trx) =>
      updateCompanySettings(
        trx,
        {
          ...(await getCompanySettings(trx)),
          dpoName: "Dana Datenschutz",
          dpoEmail: "dpo@company.example",
        },
        { staffUserId: "admin", at },
      ),
    );
    const purposeId = await createPurpose(t.db, { key: "summary_news", retentionPeriod: "P1Y" });
    for (const name of ["Quirinus", "Wilhelmina"]) {
      const personId = await createPerson(t.db, { firstName: name, emails: [`${name}@example.org`] });
      await createRecord(t.db, {
        personId,
        purposeId,
        state: "withdrawn",
        at: new Date("2022-01-10T10:00:00Z"),
      });
    }
    await startRetentionRun(t.db, { dryRun: false, now: at, actor: { type: "system", id: "retention" } });
    await runBulkJobs(t.db, bulkJobHandlersWith({ linkSecret: "l", suppressionSecret: "s" }), {
      now: () => at,
    });

    const summary = await dispatchOutbox(t.db, {
      transport: null,
      now: () => at,
      from: "Purposeful <privacy@purposeful.example>",
      portalUrl: "https://portal.example",
    });
    expect(summary).toMatchObject({ claimed: 1, captured: 1, cancelled: 0 });
    const mail = await t.db
      .selectFrom("outboxMessage")
      .select(["toAddress", "subject", "text", "html", "status"])
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      toAddress: "dpo@company.example",
      subject: "Aufbewahrung: Lauf vom 30.11.2026",
      status: "captured",
    });
    expect(mail.text).toContain("Guten Tag Dana Datenschutz,");
    expect(mail.text).toContain("Fällige Kontakte: 2");
    expect(mail.text).toContain("Gelöscht: 2");
    expect(mail.html).toContain('href="https://portal.example/retention"');
    for (const personal of ["Quirinus", "Wilhelmina", "@example.org"]) {
      expect(mail.text).not.toContain(personal);
      expect(mail.html).not.toContain(personal);
    }
  });
});
