import { createHash } from "node:crypto";
import { staffRoles } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDocument } from "../consent/documents.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { getPersonDetail } from "./person-detail.ts";

let t: TestDatabase;
let personId: string;
let heldDocumentId: string;
const at = new Date("2026-11-30T12:00:00Z");

async function insertDocument(fileName: string, heldUntil: string | null): Promise<string> {
  const content = Buffer.from(`${fileName} contents`);
  const row = await t.db
    .insertInto("document")
    .values({
      personId,
      kind: "upload",
      fileName,
      contentType: "text/plain",
      sizeBytes: content.byteLength,
      content,
      sha256: createHash("sha256").update(content).digest("hex"),
      createdBy: "uploader",
      retentionClass: heldUntil ? "accounting_vouchers" : null,
      retentionDate: heldUntil ? "2025-03-01" : null,
      heldUntil,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  personId = await createPerson(t.db, { firstName: "", lastName: "" });
  await insertDocument("offer.txt", null);
  heldDocumentId = await insertDocument("invoice.txt", "2034-01-01");
  await t.db
    .insertInto("bankAccount")
    .values([
      { personId, iban: "DE02120300000000202051", accountHolder: "x", heldUntil: "2034-01-01" },
      { personId, iban: "DE02500105170137075030", accountHolder: "y" },
    ])
    .execute();
  const purposeId = await createPurpose(t.db, { key: "newsletter" });
  const recordId = await createRecord(t.db, { personId, purposeId, state: "withdrawn", at });
  await t.db
    .insertInto("consentEvidence")
    .values([
      { processingRecordId: recordId, kind: "note", heldUntil: "2030-01-01" },
      { processingRecordId: recordId, kind: "note" },
    ])
    .execute();
  await t.db
    .insertInto("erasure")
    .values({
      personId,
      level: 3,
      reason: "request",
      actorType: "system",
      erasedAt: at,
      held: JSON.stringify([
        { table: "document", id: heldDocumentId, key: "accounting_vouchers", until: "2034-01-01" },
      ]),
    })
    .execute();
}, 60_000);
afterAll(async () => t?.close());

describe("items held after an erasure (Art. 18, §35(3) BDSG)", () => {
  for (const role of staffRoles) {
    const sees = role === "dpo" || role === "admin";
    it(`${sees ? "reach" : "never reach"} ${role}`, async () => {
      const detail = await getPersonDetail(t.db, personId, "en", { role });
      expect(detail?.documents.map((d) => d.fileName).sort()).toEqual(
        sees ? ["invoice.txt", "offer.txt"] : ["offer.txt"],
      );
      expect(detail?.bankAccounts.map((b) => b.heldUntil)).toEqual(sees ? ["2034-01-01", null] : [null]);
      expect(detail?.records.map((r) => Number(r.evidenceCount))).toEqual([sees ? 2 : 1]);
      expect(detail?.heldEvidence.map((e) => [e.purposeKey, e.heldUntil])).toEqual(
        sees ? [["newsletter", "2030-01-01"]] : [],
      );
      expect(detail?.holds.map((h) => [h.id, h.key])).toEqual(
        sees ? [[heldDocumentId, "accounting_vouchers"]] : [],
      );
    });
  }

  it("a held document opens for dpo and admin only, not even for its uploader", async () => {
    const open = (id: string, role: (typeof staffRoles)[number]) =>
      openDocument(t.db, { documentId: heldDocumentId, viewer: { id, role }, via: "page", at });
    expect(await open("uploader", "staff")).toBeNull();
    expect(await open("uploader", "marketing")).toBeNull();
    expect((await open("someone", "dpo"))?.fileName).toBe("invoice.txt");
    expect((await open("someone", "admin"))?.fileName).toBe("invoice.txt");
  });
});
