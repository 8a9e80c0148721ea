import {
  composeAccessReport,
  enqueueEmail,
  listAccessReports,
  recordGeneratedAccessReport,
  restrictProcessing,
} from "@purposeful/db";
import { createPerson, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { DomainError, maxReportAttachmentBytes } from "@purposeful/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../outbox/dispatch.ts";
import { type ResendStub, startResendStub } from "../outbox/resend-stub.ts";
import { renderAccessReportPdf } from "../reports/render-access-report.ts";
import { createResendTransport, type Transport } from "../transport/resend.ts";
import { sendAccessReportAttached } from "./access-report-mails.ts";

const API_KEY = "re_test_stub_key";
const from = "Purposeful <privacy@purposeful.example>";
const linkSecret = "test-link-secret-test-link-secret";
const at = new Date("2026-11-30T12:00:00Z");
let t: TestDatabase;
let stub: ResendStub;
let transport: Transport;
let dpoId: string;
let personId: string;
let pdf: Buffer;

beforeAll(async () => {
  t = await createTestDatabase();
  stub = await startResendStub(API_KEY);
  transport = createResendTransport({ apiKey: API_KEY, baseUrl: stub.url });
  dpoId = await createStaffUser(t.db, {
    email: "dpo@staff.test",
    name: "DPO",
    role: "dpo",
    passwordHash: "x",
  });
  personId = await createPerson(t.db, {
    firstName: "Jane",
    lastName: "Miller",
    preferredLanguage: "en",
    emails: ["jane@example.com"],
  });
  const { report } = await composeAccessReport(t.db, { personId, language: "en", now: at });
  pdf = await renderAccessReportPdf(report);
});
afterAll(async () => {
  await stub?.close();
  await t?.close();
});
beforeEach(async () => {
  await t.db.deleteFrom("outboxMessage").execute();
  stub.reset();
});

/** A generated report of the person with its own copy of the PDF, as the portal stores it. */
async function generated(
  content: Buffer = pdf,
  ofPerson = personId,
): Promise<{ reportId: string; documentId: string }> {
  const { templateId } = await t.db
    .selectFrom("reportTemplate")
    .select("id as templateId")
    .executeTakeFirstOrThrow();
  return t.db.transaction().execute((trx) =>
    recordGeneratedAccessReport(
      trx,
      {
        personId: ofPerson,
        reportId: null,
        language: "en",
        templateId,
        pdf: content,
        fileName: "access-report-art-15-2026-11-30.pdf",
        attachedDocumentIds: [],
      },
      { staffUserId: dpoId, at },
    ),
  );
}

const sendAttached = (reportId: string) =>
  t.db.transaction().execute((trx) => sendAccessReportAttached(trx, { reportId, staffUserId: dpoId, at }));

const dispatch = (withTransport: Transport | null = transport) =>
  dispatchOutbox(t.db, { transport: withTransport, now: () => at, from, linkSecret });

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.reason : String(error);
}

describe("an access report sent as an e-mail attachment (issue 10 #4)", () => {
  it("is queued with the document's id and no bytes, and goes out alone with the PDF attached", async () => {
    const { reportId, documentId } = await generated();
    const { outboxMessageId } = await sendAttached(reportId);
    const row = await t.db
      .selectFrom("outboxMessage")
      .selectAll()
      .where("id", "=", outboxMessageId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      template: "access-report-attached",
      toAddress: "jane@example.com",
      language: "en",
      hasAttachment: true,
      attachmentDocumentId: documentId,
      subject: "Your access report under Art. 15 GDPR (PDF attached)",
    });
    expect(row.text).toContain("access-report-art-15-2026-11-30.pdf");
    // Nothing of the PDF in the row: no binary column, nothing near its size, no PDF header.
    const stored = JSON.stringify(row);
    expect(Object.values(row).some((value) => value instanceof Uint8Array)).toBe(false);
    expect(stored).not.toContain("%PDF");
    expect(stored).not.toContain(pdf.subarray(0, 60).toString("base64"));

    const [report] = (await listAccessReports(t.db, personId)).filter((r) => r.id === reportId);
    expect(report).toMatchObject({ status: "sent", delivery: "attachment" });
    const sent = await t.db
      .selectFrom("auditEvent")
      .select("changes")
      .where("entityId", "=", reportId)
      .where("action", "=", "access_report.sent")
      .executeTakeFirstOrThrow();
    expect(sent.changes).toEqual({ delivery: "attachment" });

    // Two ordinary mails due at the same time go as a batch; the attached one never joins it.
    for (const n of [1, 2])
      await enqueueEmail(t.db, {
        idempotencyKey: `test:other:${n}`,
        personId: null,
        to: `other-${n}@example.test`,
        template: "settings-link",
        language: "en",
        props: {},
        subject: `Other ${n}`,
        html: `<p>Other ${n}</p>`,
        text: `Other ${n}`,
        at,
      });
    const summary = await dispatch();
    expect(summary).toMatchObject({ claimed: 3, sent: 3, cancelled: 0, failed: 0 });
    expect(stub.calls.map((call) => [call.path, call.messages, call.result])).toEqual([
      ["/emails/batch", 2, "delivered"],
      ["/emails", 1, "delivered"],
    ]);
    const delivery = stub.deliveries.find((d) => d.outboxId === outboxMessageId);
    expect(delivery?.to).toBe("jane@example.com");
    expect(delivery?.attachments).toHaveLength(1);
    const [attachment] = delivery?.attachments ?? [];
    expect(attachment).toMatchObject({
      filename: "access-report-art-15-2026-11-30.pdf",
      content_type: "application/pdf",
    });
    const received = Buffer.from(attachment?.content ?? "", "base64");
    expect(received.subarray(0, 4).toString()).toBe("%PDF");
    expect(received.equals(pdf)).toBe(true);
    for (const other of stub.deliveries.filter((d) => d.outboxId !== outboxMessageId))
      expect(other.attachments).toEqual([]);
    const after = await t.db
      .selectFrom("outboxMessage")
      .select("status")
      .where("id", "=", outboxMessageId)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("sent");
  });

  it("is cancelled, and nothing is sent, when its document was deleted before dispatch", async () => {
    const { reportId, documentId } = await generated();
    const { outboxMessageId } = await sendAttached(reportId);
    // Any deletion of the document (an erasure, the end of a hold) sets the mail's reference to NULL.
    await t.db.deleteFrom("document").where("id", "=", documentId).execute();
    const summary = await dispatch();
    expect(summary).toMatchObject({ claimed: 1, sent: 0, cancelled: 1 });
    expect(stub.calls).toEqual([]);
    expect(stub.deliveries).toEqual([]);
    const row = await t.db
      .selectFrom("outboxMessage")
      .select(["status", "lastError", "hasAttachment", "attachmentDocumentId"])
      .where("id", "=", outboxMessageId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: "cancelled",
      lastError: "attachment_deleted",
      hasAttachment: true,
      attachmentDocumentId: null,
    });
  });

  it("reaches a person who restricted processing after it was queued: it answers their own request", async () => {
    const rita = await createPerson(t.db, { preferredLanguage: "en", emails: ["rita@example.com"] });
    const { reportId } = await generated(pdf, rita);
    const { outboxMessageId } = await sendAttached(reportId);
    await t.db
      .transaction()
      .execute((trx) =>
        restrictProcessing(trx, rita, { reason: "accuracy" }, { type: "staff", id: dpoId }, at),
      );
    // Art. 12(3), as `mayMailRequestAnswer` allowed it when queued: not cancelled as "restricted".
    expect(await dispatch()).toMatchObject({ claimed: 1, sent: 1, cancelled: 0 });
    expect(stub.deliveries.map((d) => [d.outboxId, d.to, d.attachments.length])).toEqual([
      [outboxMessageId, "rita@example.com", 1],
    ]);
  });

  it("is kept as captured, like every mail, when no provider is configured", async () => {
    const { reportId } = await generated();
    const { outboxMessageId } = await sendAttached(reportId);
    expect(await dispatch(null)).toMatchObject({ claimed: 1, captured: 1, cancelled: 0 });
    const row = await t.db
      .selectFrom("outboxMessage")
      .select("status")
      .where("id", "=", outboxMessageId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("captured");
  });

  it("is refused for a report that attaches documents, and for a PDF over 10 MB: nothing queued", async () => {
    const attaching = await generated();
    await t.db
      .updateTable("accessReport")
      .set({ attachedDocumentIds: [attaching.documentId] })
      .where("id", "=", attaching.reportId)
      .execute();
    expect(await reasonOf(sendAttached(attaching.reportId))).toBe("report_attachments_need_link");

    // Storable (documents go up to 10 MiB) but a byte over the 10 MB a mail may carry.
    const padded = Buffer.alloc(maxReportAttachmentBytes + 1, 0x20);
    pdf.copy(padded);
    const large = await generated(padded);
    expect(await reasonOf(sendAttached(large.reportId))).toBe("report_too_large_for_email");

    const queued = await t.db.selectFrom("outboxMessage").select("id").execute();
    expect(queued).toEqual([]);
    const reports = await listAccessReports(t.db, personId);
    for (const id of [attaching.reportId, large.reportId])
      expect(reports.find((r) => r.id === id)).toMatchObject({ status: "generated", delivery: null });
  });
});
