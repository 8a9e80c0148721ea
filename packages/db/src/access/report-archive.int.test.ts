import { randomBytes } from "node:crypto";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeDocument } from "../consent/documents.ts";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { recordGeneratedAccessReport } from "./access-reports.ts";
import { archiveEntryName, reportArchive } from "./report-archive.ts";
import { recordReportDownload } from "./report-delivery.ts";
import { getReportTemplate } from "./report-templates.ts";

let t: TestDatabase;
let staffUserId: string;
const at = new Date("2026-03-15T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  staffUserId = await createStaffUser(t.db, {
    email: "dpo@x.example",
    name: "Dana",
    role: "dpo",
    passwordHash: "x",
  });
});
afterAll(async () => t?.close());

const store = (personId: string, fileName: string, content: Uint8Array) =>
  t.db.transaction().execute((trx) =>
    storeDocument(trx, {
      personId,
      kind: "upload",
      fileName,
      contentType: "application/pdf",
      content,
      actor: { type: "staff", id: staffUserId },
      at,
    }),
  );

async function collect(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; chunks: number }> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  return { bytes: new Uint8Array(Buffer.concat(parts)), chunks: parts.length };
}

describe("a report with its documents (issue 10 #6)", () => {
  it("remembers the documents it attaches and streams them with the PDF as a ZIP, a slice at a time", async () => {
    const personId = await createPerson(t.db, {});
    // 2.5 MB: read in three slices of at most a megabyte.
    const big = new Uint8Array(randomBytes(2_500_000));
    const small = new TextEncoder().encode("%PDF-1.4 a letter %%EOF");
    const odd = new TextEncoder().encode("scan");
    const ids = [
      await store(personId, "contract.pdf", big),
      await store(personId, "letter.pdf", small),
      await store(personId, "a/b\\c:d.pdf", odd),
    ];
    const template = await getReportTemplate(t.db);
    const pdf = new TextEncoder().encode("%PDF-1.4 the report %%EOF");
    const { reportId } = await t.db.transaction().execute((trx) =>
      recordGeneratedAccessReport(
        trx,
        {
          personId,
          reportId: null,
          language: "de",
          templateId: template.id,
          pdf,
          fileName: "auskunft.pdf",
          attachedDocumentIds: ids,
        },
        { staffUserId, at },
      ),
    );
    // Deleted after the report was made (an erasure): left out of the archive, nothing fails.
    const gone = await store(personId, "gone.pdf", small);
    await t.db
      .updateTable("accessReport")
      .set({ attachedDocumentIds: [...ids, gone] })
      .where("id", "=", reportId)
      .execute();
    await t.db.deleteFrom("document").where("id", "=", gone).execute();

    const linkId = await t.db
      .insertInto("micrositeLink")
      .values({
        personId,
        purpose: "report_download",
        accessReportId: reportId,
        tokenHash: randomBytes(32).toString("hex"),
        expiresAt: new Date(at.getTime() + 86_400_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const file = await t.db.transaction().execute((trx) =>
      recordReportDownload(
        trx,
        {
          linkId: linkId.id,
          personId,
          accessReportId: reportId,
          email: null,
          language: "de",
          attachedDocuments: 4,
        },
        at,
      ),
    );
    expect(file.attachedDocumentIds).toEqual([...ids, gone]);

    const { bytes, chunks } = await collect(
      reportArchive(t.db, {
        personId,
        pdf: file.content,
        pdfName: file.fileName,
        documentIds: file.attachedDocumentIds,
        at,
      }),
    );
    expect(chunks).toBeGreaterThan(3);
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual([
      "auskunft.pdf",
      "documents/0001-contract.pdf",
      "documents/0002-letter.pdf",
      "documents/0003-a_b_c_d.pdf",
    ]);
    expect(Buffer.from(entries["auskunft.pdf"] ?? []).equals(pdf)).toBe(true);
    expect(Buffer.from(entries["documents/0001-contract.pdf"] ?? []).equals(big)).toBe(true);
    expect(Buffer.from(entries["documents/0002-letter.pdf"] ?? []).equals(small)).toBe(true);
    expect(Buffer.from(entries["documents/0003-a_b_c_d.pdf"] ?? []).equals(odd)).toBe(true);
    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["action", "changes"])
      .where("entityId", "=", reportId)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["access_report.generated", "access_report.downloaded"]);
  });

  it("never attaches another person's document", async () => {
    const personId = await createPerson(t.db, {});
    const other = await createPerson(t.db, {});
    const foreign = await store(other, "theirs.pdf", new TextEncoder().encode("theirs"));
    const template = await getReportTemplate(t.db);
    await expect(
      t.db.transaction().execute((trx) =>
        recordGeneratedAccessReport(
          trx,
          {
            personId,
            reportId: null,
            language: "en",
            templateId: template.id,
            pdf: new TextEncoder().encode("%PDF"),
            fileName: "report.pdf",
            attachedDocumentIds: [foreign],
          },
          { staffUserId, at },
        ),
      ),
    ).rejects.toThrow("attached documents must be the person's own");
    // And the archive reads only the person's own documents, whatever ids it is given.
    const { bytes } = await collect(
      reportArchive(t.db, {
        personId,
        pdf: new Uint8Array([1]),
        pdfName: "r.pdf",
        documentIds: [foreign],
        at,
      }),
    );
    expect(Object.keys(unzipSync(bytes))).toEqual(["r.pdf"]);
  });

  it("names entries without folders or control characters", () => {
    expect(archiveEntryName(0, "../../etc/passwd")).toBe("documents/0001-.._.._etc_passwd");
    expect(archiveEntryName(41, "Brief\u0000\nneu.pdf")).toBe("documents/0042-Brief_neu.pdf");
    expect(archiveEntryName(2, "")).toBe("documents/0003-document");
  });
});
