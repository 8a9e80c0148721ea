import { storeDocument } from "@purposeful/db";
import { createPerson, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, router } from "../../trpc";
import { accessReportsRouter } from "./router";

const createCaller = createCallerFactory(router({ accessReports: accessReportsRouter }));
const at = new Date("2026-11-30T12:00:00Z");
let t: TestDatabase;
let dpoId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dpoId = await createStaffUser(t.db, {
    email: "dpo@staff.test",
    name: "Dana",
    role: "dpo",
    passwordHash: "x",
  });
});
afterAll(async () => t?.close());

const dpo = () =>
  createCaller({
    db: t.db,
    user: { id: dpoId, name: "Dana", email: "dpo@staff.test", role: "dpo", locale: "en" },
    now: () => at,
  });

describe("a template that attaches documents (issue 10 #3, #6)", () => {
  it("the generated report remembers the documents it lists, not the internal ones", async () => {
    const personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
    const store = (kind: "upload" | "evidence", fileName: string) =>
      t.db.transaction().execute((trx) =>
        storeDocument(trx, {
          personId,
          kind,
          fileName,
          contentType: "application/pdf",
          content: new TextEncoder().encode(`%PDF ${fileName}`),
          actor: { type: "staff", id: dpoId },
          at,
        }),
      );
    const contract = await store("upload", "contract.pdf");
    await store("evidence", "internal-scan.pdf");
    const [standard] = await dpo().accessReports.templates();
    const { isDefault: _d, updatedAt: _u, ...settings } = standard!;
    const templateId = await dpo().accessReports.saveTemplate({
      ...settings,
      id: null,
      name: "With documents",
      attachDocuments: true,
      internalDocumentKinds: ["evidence"],
    });

    const attached = await dpo().accessReports.generate({ personId, templateId });
    const plain = await dpo().accessReports.generate({ personId });
    const rows = await t.db
      .selectFrom("accessReport")
      .select(["id", "attachedDocumentIds"])
      .where("personId", "=", personId)
      .execute();
    const idsOf = (reportId: string) => rows.find((r) => r.id === reportId)?.attachedDocumentIds;
    expect(idsOf(attached.reportId)).toEqual([contract]);
    expect(idsOf(plain.reportId)).toEqual([]);
  });
});
