import { recordReportDownload, resolveLink, resolveReportDownload, sameAddress } from "@purposeful/db";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import {
  type Language,
  maxReportAttachmentBytes,
  requiredReportSections,
  type StaffRole,
} from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextOf, createStaffOfEveryRole } from "../../../test-support/staff-of-every-role";
import { failure } from "../../../test-support/trpc-failure";
import { createCallerFactory, router } from "../../trpc";
import { accessReportsRouter } from "./router";

const createCaller = createCallerFactory(router({ accessReports: accessReportsRouter }));
const at = new Date("2026-11-30T12:00:00Z");
let t: TestDatabase;
const staffIds = {} as Record<StaffRole, string>;
let personId: string;

function as(role: StaffRole, locale: Language = "en") {
  return createCaller(contextOf(t.db, staffIds, role, at, locale));
}

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(staffIds, await createStaffOfEveryRole(t.db));
  const newsletter = await createPurpose(t.db, { key: "newsletter", recipients: ["Mail service"] });
  personId = await createPerson(t.db, {
    firstName: "Erika",
    lastName: "Mustermann",
    emails: ["erika@example.test"],
  });
  await t.db
    .insertInto("bankAccount")
    .values({ personId, iban: "DE89370400440532013000", accountHolder: "Erika Mustermann" })
    .execute();
  await createRecord(t.db, { personId, purposeId: newsletter, state: "granted", source: "letter", at });
});
afterAll(async () => t?.close());

describe("access reports: who may do what", () => {
  it("only the DPO and the admin preview and generate; staff and marketing may only ask", async () => {
    for (const role of ["staff", "marketing"] as const) {
      expect(await failure(as(role).accessReports.preview({ personId }))).toMatch(/^FORBIDDEN/);
      expect(await failure(as(role).accessReports.generate({ personId }))).toMatch(/^FORBIDDEN/);
      expect(await failure(as(role).accessReports.saveTemplate({} as never))).toMatch(/^FORBIDDEN/);
    }
    const preview = await as("admin").accessReports.preview({ personId });
    expect(preview.report.subject.name).toBe("Erika Mustermann");
  });

  it("staff ask, the DPO approves by generating: the PDF is the person's document", async () => {
    const reportId = await as("staff").accessReports.request({ personId, language: "en" });
    const listed = await as("staff").accessReports.list({ personId });
    expect(listed[0]).toMatchObject({ id: reportId, status: "requested", requestedByName: "staff user" });

    const generated = await as("dpo").accessReports.generate({ personId, reportId });
    expect(generated.reportId).toBe(reportId);
    const row = (await as("dpo").accessReports.list({ personId })).find((r) => r.id === reportId);
    expect(row).toMatchObject({ status: "generated", generatedByName: "dpo user", language: "en" });
    const document = await t.db
      .selectFrom("document")
      .select(["kind", "contentType", "fileName", "content"])
      .where("id", "=", generated.documentId)
      .executeTakeFirstOrThrow();
    expect(document).toMatchObject({ kind: "report", contentType: "application/pdf" });
    expect(document.fileName).not.toContain("Mustermann");
    expect(Buffer.from(document.content).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("report templates from the portal", () => {
  it("a template hiding a required section is refused with a clear message in the user's language", async () => {
    const [standard] = await as("dpo").accessReports.templates();
    const sections = standard!.sections.filter((s) => s !== "rights");
    const draft = { ...standard!, id: standard!.id, sections };
    expect(await failure(as("dpo").accessReports.saveTemplate(draft), "de")).toMatch(
      /^BAD_REQUEST: Art\. 15 DSGVO verlangt diesen Abschnitt/,
    );
    expect(await failure(as("dpo").accessReports.saveTemplate(draft), "en")).toMatch(
      /^BAD_REQUEST: Art\. 15 GDPR/,
    );
    const [unchanged] = await as("dpo").accessReports.templates();
    expect(unchanged!.sections).toContain("rights");
  });

  it("the preview shows the effect of an unsaved change (internal calls left out and counted)", async () => {
    await t.db
      .insertInto("activity")
      .values({ personId, kind: "call", subject: "Asked about the newsletter", occurredAt: at })
      .execute();
    const [standard] = await as("dpo").accessReports.templates();
    const { id: _id, name: _name, isDefault: _d, updatedAt: _u, ...settings } = standard!;
    const open = await as("dpo").accessReports.preview({ personId, draft: settings });
    expect(open.report.copy.activities.map((a) => a.subject)).toEqual(["Asked about the newsletter"]);
    const strict = await as("dpo").accessReports.preview({
      personId,
      draft: { ...settings, sections: [...requiredReportSections], internalActivityKinds: ["call"] },
    });
    expect(strict.report.copy.activities).toEqual([]);
    expect(strict.report.withheld.activities).toEqual([{ kind: "call", count: 1 }]);
    expect(strict.report.sections).not.toContain("bank_accounts");
  });
});

describe("delivery (issue 10 #4)", () => {
  it("send mails a notice with a 14-day download link through the outbox; the download asks for the address", async () => {
    const { reportId, documentId } = await as("dpo").accessReports.generate({ personId, language: "en" });
    await as("dpo").accessReports.send({ reportId });
    const mail = await t.db
      .selectFrom("outboxMessage")
      .select(["template", "toAddress", "language", "text", "props"])
      .where("template", "=", "access-report-notice")
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ toAddress: "erika@example.test", language: "en" });
    const link = await t.db
      .selectFrom("micrositeLink")
      .selectAll()
      .where("accessReportId", "=", reportId)
      .executeTakeFirstOrThrow();
    expect(link.purpose).toBe("report_download");
    // No working link is stored: the mail holds a placeholder the dispatcher fills in.
    expect(mail.text).toContain(`/en/r/__purposeful_link_${link.id}__`);
    expect(link.expiresAt.getTime() - at.getTime()).toBe(14 * 86_400_000);
    const row = (await as("dpo").accessReports.list({ personId })).find((r) => r.id === reportId);
    expect(row).toMatchObject({ status: "sent", delivery: "link" });

    const download = await resolveReportDownload(t.db, link);
    expect(download?.email).toBe("erika@example.test");
    expect(sameAddress(" Erika@Example.TEST ", download!.email!)).toBe(true);
    expect(sameAddress("someone@else.test", download!.email!)).toBe(false);
    const file = await t.db.transaction().execute((trx) => recordReportDownload(trx, download!, at));
    const stored = await t.db
      .selectFrom("document")
      .select("content")
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(file.content).equals(Buffer.from(stored.content))).toBe(true);
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["action", "actorType"])
      .where("entityId", "=", reportId)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      "access_report.generated",
      "access_report.sent",
      "access_report.downloaded",
    ]);
    expect(events.at(-1)?.actorType).toBe("data_subject");

    // Revoked: the link no longer resolves (the microsite shows its generic page).
    await as("dpo").accessReports.revokeLinks({ reportId });
    expect(await resolveLink(t.db, "not-the-token", at)).toBeNull();
    const revoked = await t.db
      .selectFrom("micrositeLink")
      .selectAll()
      .where("id", "=", link.id)
      .executeTakeFirstOrThrow();
    expect(revoked.revokedAt).not.toBeNull();
  });

  it("the DPO may send the PDF attached instead (the warned option): the mail holds the document's id", async () => {
    const { reportId, documentId } = await as("dpo").accessReports.generate({ personId, language: "de" });
    expect(await failure(as("staff").accessReports.send({ reportId, delivery: "attachment" }))).toMatch(
      /^FORBIDDEN/,
    );
    const { outboxMessageId } = await as("dpo").accessReports.send({ reportId, delivery: "attachment" });
    const mail = await t.db
      .selectFrom("outboxMessage")
      .select(["template", "toAddress", "language", "hasAttachment", "attachmentDocumentId"])
      .where("id", "=", outboxMessageId)
      .executeTakeFirstOrThrow();
    expect(mail).toEqual({
      template: "access-report-attached",
      toAddress: "erika@example.test",
      language: "de",
      hasAttachment: true,
      attachmentDocumentId: documentId,
    });
    // No download link is made for a report that went as an attachment.
    const links = await t.db
      .selectFrom("micrositeLink")
      .select("id")
      .where("accessReportId", "=", reportId)
      .execute();
    expect(links).toEqual([]);
    const row = (await as("dpo").accessReports.list({ personId })).find((r) => r.id === reportId);
    expect(row).toMatchObject({ status: "sent", delivery: "attachment" });
  });

  it("refuses an attachment the report cannot carry, with the reason in the user's language", async () => {
    const attaching = await as("dpo").accessReports.generate({ personId, language: "en" });
    await t.db
      .updateTable("accessReport")
      .set({ attachedDocumentIds: [attaching.documentId] })
      .where("id", "=", attaching.reportId)
      .execute();
    const viaAttachment = { reportId: attaching.reportId, delivery: "attachment" as const };
    expect(await failure(as("dpo").accessReports.send(viaAttachment), "de")).toMatch(
      /^BAD_REQUEST: Diese Auskunft hängt Dokumente an .* per Link\.$/,
    );
    expect(await failure(as("dpo").accessReports.send(viaAttachment), "en")).toMatch(
      /^BAD_REQUEST: This report attaches documents, .* by link\.$/,
    );

    const large = await as("dpo").accessReports.generate({ personId, language: "en" });
    const content = Buffer.alloc(maxReportAttachmentBytes + 1, 0x20);
    await t.db
      .updateTable("document")
      .set({ content, sizeBytes: content.byteLength })
      .where("id", "=", large.documentId)
      .execute();
    const tooLarge = { reportId: large.reportId, delivery: "attachment" as const };
    expect(await failure(as("dpo").accessReports.send(tooLarge), "de")).toMatch(
      /^BAD_REQUEST: Das PDF dieser Auskunft ist größer als 10 MB/,
    );
    expect(await failure(as("dpo").accessReports.send(tooLarge), "en")).toMatch(
      /^BAD_REQUEST: This report's PDF is larger than 10 MB/,
    );
    // Nothing was sent; by link, both go.
    const before = await as("dpo").accessReports.list({ personId });
    for (const { reportId } of [attaching, large]) {
      expect(before.find((r) => r.id === reportId)).toMatchObject({ status: "generated", delivery: null });
      await as("dpo").accessReports.send({ reportId });
    }
    const after = await as("dpo").accessReports.list({ personId });
    for (const { reportId } of [attaching, large])
      expect(after.find((r) => r.id === reportId)).toMatchObject({ status: "sent", delivery: "link" });
  });

  it("only the DPO sends, and only a generated report", async () => {
    const requested = await as("staff").accessReports.request({ personId });
    expect(await failure(as("staff").accessReports.send({ reportId: requested }))).toMatch(/^FORBIDDEN/);
    expect(await failure(as("dpo").accessReports.send({ reportId: requested }))).toMatch(/^NOT_FOUND/);
  });
});
