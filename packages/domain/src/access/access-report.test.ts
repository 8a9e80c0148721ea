import { describe, expect, it } from "vitest";
import { type AccessReportFacts, buildAccessReport, type ReportRecord } from "./access-report.ts";
import { defaultReportTemplate, requiredReportSections } from "./report-sections.ts";

const at = new Date("2026-03-01T10:00:00Z");
const record = (over: Partial<ReportRecord>): ReportRecord => ({
  purposeKey: "newsletter",
  purposeName: "Newsletter",
  purposeDescription: "Our monthly newsletter",
  purposeVersion: 1,
  source: "microsite",
  state: "confirmed",
  legalBasis: "consent",
  directMarketing: true,
  profiling: false,
  channels: ["email"],
  dataCategories: ["contact data"],
  dataSubjectCategories: ["customers"],
  recipients: ["Mail service"],
  transfers: [],
  confirmedAt: at,
  createdAt: at,
  history: [],
  evidence: [],
  doubleOptInRequired: true,
  requestedAt: at,
  grantedAt: at,
  withdrawnAt: null,
  declinedAt: null,
  endedAt: null,
  objectedAt: null,
  validUntil: null,
  updatedAt: at,
  retentionPeriod: "P1Y",
  ...over,
});

const facts: AccessReportFacts = {
  person: {
    salutation: null,
    title: null,
    firstName: "Ada",
    lastName: "Lovelace",
    birthday: null,
    jobTitle: null,
    organizationName: null,
    preferredLanguage: "en",
    createdAt: at,
    erasedLevel: 0,
    restricted: false,
    retentionManualUntil: null,
    dmObjectionChannels: [],
    mailBlocks: [],
  },
  emails: [{ address: "ada@example.org", kind: "private", isPrimary: true }],
  phones: [],
  addresses: [],
  bankAccounts: [],
  activities: [
    {
      kind: "call",
      direction: "inbound",
      occurredAt: at,
      subject: "Call",
      body: "asked",
      durationSeconds: 60,
    },
    {
      kind: "note",
      direction: null,
      occurredAt: at,
      subject: "Internal",
      body: "our margin",
      durationSeconds: null,
    },
    {
      kind: "note",
      direction: null,
      occurredAt: at,
      subject: "Internal 2",
      body: null,
      durationSeconds: null,
    },
  ],
  documents: [
    {
      id: "d1",
      kind: "upload",
      fileName: "a.pdf",
      contentType: "application/pdf",
      sizeBytes: 3,
      createdAt: at,
    },
  ],
  relationships: [],
  records: [
    record({}),
    record({
      purposeKey: "scoring",
      purposeName: "Scoring",
      source: "import",
      legalBasis: "legitimate_interests",
      state: "active",
      directMarketing: false,
      profiling: true,
      recipients: ["Credit agency", "Mail service"],
      transfers: [{ country: "US", recipient: "Credit agency", safeguard: "standard_contractual_clauses" }],
      dataCategories: ["payment data", "contact data"],
    }),
  ],
  consentReceipts: [],
  auditHistory: [],
  micrositeVisits: [],
};
const controller = {
  name: "Shop GmbH",
  address: "Street 1",
  email: "privacy@shop.example",
  phone: "",
  dpoName: "D. P. O.",
  dpoEmail: "dpo@shop.example",
  dpoAddress: "",
  authorityName: "BayLDA",
  authorityAddress: "Ansbach",
  authorityUrl: "https://www.lda.bayern.de",
};
const template = { ...defaultReportTemplate, intro: { en: "Hello" }, outro: {}, letterhead: "" };

describe("buildAccessReport (Art. 15)", () => {
  it("fills Art. 15(1)(a)–(h) and (2) from the records' purposes", () => {
    const report = buildAccessReport(facts, { template, language: "en", controller, generatedAt: at });
    expect(report.purposes.map((p) => [p.name, p.legalBasis])).toEqual([
      ["Newsletter", "consent"],
      ["Scoring", "legitimate_interests"],
    ]);
    expect(report.dataCategories).toEqual(["contact data", "payment data"]);
    expect(report.recipients).toEqual(["Credit agency", "Mail service"]);
    expect(report.transfers).toEqual([
      {
        country: "US",
        recipient: "Credit agency",
        safeguard: "standard_contractual_clauses",
        purposeName: "Scoring",
      },
    ]);
    expect(report.purposes[0]?.storage).toEqual({ kind: "while_basis_then", period: "P1Y" });
    expect(report.otherSources).toEqual(["import"]);
    expect(report.profilingPurposes).toEqual(["Scoring"]);
    expect(report.rights).toEqual(
      expect.arrayContaining([
        "withdraw_consent",
        "objection",
        "objection_direct_marketing",
        "portability",
        "complaint",
      ]),
    );
    expect(report.intro).toBe("Hello");
    expect(report.subject.name).toBe("Ada Lovelace");
  });

  it("leaves out internal kinds and counts what it withheld (Art. 15(4))", () => {
    const report = buildAccessReport(facts, { template, language: "en", controller, generatedAt: at });
    expect(report.copy.activities.map((a) => a.subject)).toEqual(["Call"]);
    expect(report.withheld.activities).toEqual([{ kind: "note", count: 2 }]);
    const strict = buildAccessReport(facts, {
      template: { ...template, internalActivityKinds: ["note", "call"], internalDocumentKinds: ["upload"] },
      language: "en",
      controller,
      generatedAt: at,
    });
    expect(strict.copy.activities).toEqual([]);
    expect(strict.copy.documents).toEqual([]);
    expect(strict.withheld.documents).toEqual([{ kind: "upload", count: 1 }]);
  });

  it("keeps the sections Art. 15(1) requires even if a stored template lacks them", () => {
    const report = buildAccessReport(facts, {
      template: { ...template, sections: ["master_data"] },
      language: "en",
      controller,
      generatedAt: at,
    });
    for (const s of requiredReportSections) expect(report.sections).toContain(s);
    expect(report.sections).toContain("master_data");
    expect(report.sections).not.toContain("activities");
  });

  it("says that an erased person was erased", () => {
    const report = buildAccessReport(
      { ...facts, person: { ...facts.person, erasedLevel: 3, firstName: "", lastName: "" }, records: [] },
      { template, language: "de", controller, generatedAt: at },
    );
    expect(report.erased).toBe(true);
    expect(report.purposes).toEqual([]);
  });
});
