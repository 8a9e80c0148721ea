import {
  buildAccessReport,
  DomainError,
  defaultReportTemplate,
  type ReportController,
  requiredReportSections,
} from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erasePerson } from "../erasure/erase-person.ts";
import {
  type Catalogue,
  createErasureCatalogue,
  createFullPerson,
  dpo,
  type FullPerson,
  now,
  original,
  secret,
} from "../erasure/erasure-fixture.ts";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { loadAccessReportFacts } from "./access-report-facts.ts";
import { listAccessReports, recordGeneratedAccessReport, requestAccessReport } from "./access-reports.ts";
import { getReportTemplate, listReportTemplates, saveReportTemplate } from "./report-templates.ts";

let t: TestDatabase;
let c: Catalogue;
let full: FullPerson;
let staffUserId: string;
const controller: ReportController = {
  name: "Hangar Holding Privacy",
  address: "Am Flugfeld 1, 88045 Friedrichshafen",
  email: "privacy@hangar.example",
  phone: "",
  dpoName: "Dana Protector",
  dpoEmail: "dpo@hangar.example",
  dpoAddress: "",
  authorityName: "LfDI Baden-Württemberg",
  authorityAddress: "Lautenschlagerstraße 20, 70173 Stuttgart",
  authorityUrl: "https://www.baden-wuerttemberg.datenschutz.de",
};

beforeAll(async () => {
  t = await createTestDatabase();
  c = await createErasureCatalogue(t.db);
  full = await createFullPerson(t.db, c);
  staffUserId = await createStaffUser(t.db, {
    email: "dpo@hangar.example",
    name: "Dana",
    role: "dpo",
    passwordHash: "x",
  });
});
afterAll(async () => t?.close());

async function reportOf(personId: string, template = defaultTemplate()) {
  const facts = await loadAccessReportFacts(t.db, personId, "en");
  return buildAccessReport(facts, { template: await template, language: "en", controller, generatedAt: now });
}
const defaultTemplate = () => getReportTemplate(t.db);

describe("the access report's facts (Art. 15)", () => {
  it("hold every value stored about the person, and the report every Art. 15(1) section", async () => {
    const report = await reportOf(full.personId);
    const text = JSON.stringify(report);
    for (const value of [
      original.firstName,
      original.lastName,
      original.title,
      original.birthday,
      original.jobTitle,
      original.primaryEmail,
      original.secondaryEmail,
      original.phone,
      original.street,
      original.city,
      original.heldIban,
      original.iban,
      original.accountHolder,
      original.activitySubject,
      original.activityBody,
      original.recordNote,
      original.relationshipNote,
      original.documentName,
      original.evidenceDescription,
      "Hangar Holding GmbH",
      // the audit history, decrypted: the name before the change
      "Xavi",
    ])
      expect(text, value).toContain(value);
    expect(report.sections).toEqual(expect.arrayContaining([...requiredReportSections]));
    expect(report.purposes.map((p) => p.key).sort()).toEqual(
      ["bookkeeping", "catalogue", "delivery", "newsletter", "phone_offers"].sort(),
    );
    expect(report.recipients).toEqual(["Lettershop", "Mail service provider", "Parcel service"]);
    expect(report.rights).toEqual(
      expect.arrayContaining(["withdraw_consent", "objection", "objection_direct_marketing", "portability"]),
    );
    expect(report.copy.micrositeVisits).toHaveLength(1);
    const newsletter = report.copy.records.find((r) => r.purposeKey === "newsletter");
    expect(newsletter?.evidence.map((e) => e.kind)).toEqual(["document"]);
    expect(newsletter?.history.length).toBeGreaterThan(0);
    // The related person is named by role only (their name is their data, Art. 15(4)).
    expect(text).not.toContain("Relative");
  });

  it("never show another person's data", async () => {
    const other = await createPerson(t.db, {
      firstName: "Zacharias",
      lastName: "Fremdling",
      emails: ["zacharias.fremdling@example.net"],
    });
    await t.db
      .insertInto("activity")
      .values({ personId: other, kind: "call", subject: "Fremdling's call", occurredAt: now })
      .execute();
    const text = JSON.stringify(await reportOf(full.personId));
    for (const value of ["Zacharias", "Fremdling", "zacharias.fremdling@example.net"])
      expect(text).not.toContain(value);
    const theirs = JSON.stringify(await reportOf(other));
    expect(theirs).toContain("Fremdling's call");
    expect(theirs).not.toContain(original.lastName);
  });

  it("leave out an activity kind the template marks internal, and say how many (Art. 15(4))", async () => {
    const template = { ...(await defaultTemplate()), internalActivityKinds: ["call" as const] };
    const report = await reportOf(full.personId, Promise.resolve(template));
    expect(report.copy.activities).toEqual([]);
    expect(report.withheld.activities).toEqual([{ kind: "call", count: 1 }]);
    expect(JSON.stringify(report)).not.toContain(original.activityBody);
  });

  it("of an erased person say so instead of failing", async () => {
    const erased = await createFullPerson(t.db, c);
    await erasePerson(t.db, {
      personId: erased.personId,
      level: 3,
      reason: "request",
      actor: dpo,
      now,
      suppressionSecret: secret,
    });
    const report = await reportOf(erased.personId);
    expect(report.erased).toBe(true);
    expect(JSON.stringify(report.copy.person)).not.toContain(original.lastName);
  });

  it("refuse an unknown person", async () => {
    await expect(loadAccessReportFacts(t.db, "00000000-0000-4000-8000-000000000009", "en")).rejects.toThrow(
      DomainError,
    );
    await expect(loadAccessReportFacts(t.db, "not-a-uuid", "en")).rejects.toThrow(DomainError);
  });
});

describe("report templates", () => {
  it("ship a default with every section", async () => {
    const template = await getReportTemplate(t.db);
    expect(template.isDefault).toBe(true);
    expect(template.sections).toEqual(defaultReportTemplate.sections);
    expect(template.internalActivityKinds).toEqual(["note", "task"]);
    expect(template.intro.de).toContain("Art. 15");
    expect(template.intro.en).toContain("Art. 15");
  });

  it("refuse hiding a section Art. 15(1) requires, and change nothing", async () => {
    const before = await listReportTemplates(t.db);
    const template = await getReportTemplate(t.db);
    const attempt = t.db
      .transaction()
      .execute((trx) =>
        saveReportTemplate(
          trx,
          { ...template, sections: template.sections.filter((s) => s !== "recipients") },
          { staffUserId, at: now },
        ),
      );
    await expect(attempt).rejects.toMatchObject({ reason: "report_template_hides_required_section" });
    expect(await listReportTemplates(t.db)).toEqual(before);
  });

  it("save a new template and its changes, audited", async () => {
    const base = await getReportTemplate(t.db);
    const id = await t.db.transaction().execute((trx) =>
      saveReportTemplate(
        trx,
        {
          ...base,
          id: null,
          name: "Short",
          sections: [...requiredReportSections],
          internalDocumentKinds: ["upload"],
        },
        { staffUserId, at: now },
      ),
    );
    const saved = await getReportTemplate(t.db, id);
    expect(saved).toMatchObject({ name: "Short", isDefault: false, internalDocumentKinds: ["upload"] });
    const events = await t.db.selectFrom("auditEvent").select("action").where("entityId", "=", id).execute();
    expect(events.map((e) => e.action)).toEqual(["report_template.created"]);
  });
});

describe("access reports", () => {
  it("staff request one, the DPO generates it: the PDF kept as the person's document, both audited", async () => {
    const template = await getReportTemplate(t.db);
    const reportId = await t.db
      .transaction()
      .execute((trx) =>
        requestAccessReport(
          trx,
          { personId: full.personId, language: "de", templateId: null },
          { staffUserId, at: now },
        ),
      );
    const pdf = Buffer.from("%PDF-1.4 test report %%EOF");
    const generated = await t.db.transaction().execute((trx) =>
      recordGeneratedAccessReport(
        trx,
        {
          personId: full.personId,
          reportId,
          language: "de",
          templateId: template.id,
          pdf,
          fileName: "auskunft.pdf",
          attachedDocumentIds: [],
        },
        { staffUserId, at: now },
      ),
    );
    expect(generated.reportId).toBe(reportId);
    const [row] = await listAccessReports(t.db, full.personId);
    expect(row).toMatchObject({ id: reportId, status: "generated", documentId: generated.documentId });
    const document = await t.db
      .selectFrom("document")
      .select(["kind", "personId", "content"])
      .where("id", "=", generated.documentId)
      .executeTakeFirstOrThrow();
    expect(document).toMatchObject({ kind: "report", personId: full.personId });
    expect(Buffer.from(document.content).equals(pdf)).toBe(true);
    const actions = await t.db
      .selectFrom("auditEvent")
      .select("action")
      .where("entityId", "=", reportId)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["access_report.requested", "access_report.generated"]);
    // A report is generated once: approving it again is refused.
    await expect(
      t.db.transaction().execute((trx) =>
        recordGeneratedAccessReport(
          trx,
          {
            personId: full.personId,
            reportId,
            language: "de",
            templateId: template.id,
            pdf,
            fileName: "x.pdf",
            attachedDocumentIds: [],
          },
          { staffUserId, at: now },
        ),
      ),
    ).rejects.toMatchObject({ reason: "access_report_not_found" });
  });
});
