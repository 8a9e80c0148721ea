import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { legalBases } from "../legal-basis.ts";
import { collectedFromDataSubject } from "./data-source.ts";
import {
  checkReportTemplate,
  defaultReportTemplate,
  reportSectionArticle,
  reportSections,
  requiredReportSections,
} from "./report-sections.ts";
import { applicableRights, isPortableBasis } from "./rights.ts";
import { storagePeriodOf } from "./storage-period.ts";
import { checkThirdCountryTransfers } from "./transfers.ts";

const reasonOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { reason: error.reason, detail: error.message };
    throw error;
  }
  return null;
};

describe("report templates (Art. 15(1), 15(4))", () => {
  it("the default template shows every section and passes its own check", () => {
    expect(defaultReportTemplate.sections).toEqual([...reportSections]);
    expect(() => checkReportTemplate(defaultReportTemplate)).not.toThrow();
    for (const section of reportSections) expect(reportSectionArticle[section]).toMatch(/^Art\. /);
  });

  it("refuses a template that hides any section Art. 15(1) requires, naming it", () => {
    for (const required of requiredReportSections) {
      const sections = reportSections.filter((s) => s !== required);
      const refused = reasonOf(() => checkReportTemplate({ ...defaultReportTemplate, sections }));
      expect(refused?.reason).toBe("report_template_hides_required_section");
      expect(refused?.detail).toContain(required);
    }
  });

  it("lets a template leave out optional sections and mark kinds internal", () => {
    const sections = [...requiredReportSections];
    expect(() =>
      checkReportTemplate({
        sections,
        internalActivityKinds: ["note", "call"],
        internalDocumentKinds: ["upload"],
      }),
    ).not.toThrow();
  });

  it("refuses unknown sections and kinds", () => {
    for (const bad of [
      { ...defaultReportTemplate, sections: [...reportSections, "salary"] },
      { ...defaultReportTemplate, internalActivityKinds: ["gossip"] },
      { ...defaultReportTemplate, internalDocumentKinds: ["secret"] },
    ])
      expect(reasonOf(() => checkReportTemplate(bad))?.reason).toBe("report_template_invalid");
  });
});

describe("rights named in the report (Art. 15(1)(e),(f))", () => {
  const always = ["access", "rectification", "erasure", "restriction", "complaint"];

  it("access, rectification, erasure, restriction and the complaint always apply", () => {
    expect(applicableRights([])).toEqual(always);
  });

  it("follows the bases, for every basis with and without direct marketing", () => {
    for (const legalBasis of legalBases)
      for (const directMarketing of [false, true]) {
        const rights = applicableRights([{ legalBasis, directMarketing }]);
        expect(rights.includes("portability")).toBe(legalBasis === "consent" || legalBasis === "contract");
        expect(rights.includes("objection")).toBe(
          legalBasis === "legitimate_interests" || legalBasis === "public_task",
        );
        expect(rights.includes("objection_direct_marketing")).toBe(directMarketing);
        expect(rights.includes("withdraw_consent")).toBe(legalBasis === "consent");
        for (const right of always) expect(rights).toContain(right);
      }
  });

  it("portability covers consent and contract only (Art. 20(1)(a))", () => {
    expect(legalBases.filter(isPortableBasis)).toEqual(["consent", "contract"]);
  });
});

describe("third-country transfers (Art. 44–49)", () => {
  it("accepts a transfer outside the EEA on a named ground", () => {
    expect(() =>
      checkThirdCountryTransfers([
        { country: "US", recipient: "Mail service", safeguard: "standard_contractual_clauses" },
      ]),
    ).not.toThrow();
  });

  it("refuses EEA countries (no transfer), bad codes, empty recipients and unknown grounds", () => {
    for (const bad of [
      { country: "FR", recipient: "x", safeguard: "adequacy_decision" as const },
      { country: "USA", recipient: "x", safeguard: "adequacy_decision" as const },
      { country: "US", recipient: " ", safeguard: "adequacy_decision" as const },
      { country: "US", recipient: "x", safeguard: "handshake" as never },
    ])
      expect(reasonOf(() => checkThirdCountryTransfers([bad]))?.reason).toBe("invalid_transfer");
  });
});

describe("source of the data (Art. 15(1)(g))", () => {
  it("an import or the API is another source; everything else came from the person", () => {
    expect(collectedFromDataSubject("import")).toBe(false);
    expect(collectedFromDataSubject("api")).toBe(false);
    for (const source of [
      "manual",
      "microsite",
      "signature",
      "email",
      "phone",
      "fax",
      "letter",
      "in_person",
    ] as const)
      expect(collectedFromDataSubject(source)).toBe(true);
  });
});

describe("storage period (Art. 15(1)(d))", () => {
  const record = {
    legalBasis: "consent" as const,
    state: "withdrawn" as const,
    doubleOptInRequired: false,
    requestedAt: null,
    grantedAt: new Date("2024-01-10T10:00:00Z"),
    withdrawnAt: new Date("2025-03-31T22:30:00Z"),
    declinedAt: null,
    endedAt: null,
    objectedAt: null,
    validUntil: null,
    updatedAt: new Date("2025-03-31T22:30:00Z"),
    retentionPeriod: "P2Y",
  };

  it("an ended basis gives the day of erasure, counted in the controller's time zone", () => {
    // 22:30 UTC on 31 March is 1 April in Berlin.
    expect(storagePeriodOf(record)).toEqual({ kind: "until", date: "2027-04-01" });
  });

  it("a running basis gives the criterion: while it lasts, then the period", () => {
    expect(storagePeriodOf({ ...record, state: "confirmed", withdrawnAt: null })).toEqual({
      kind: "while_basis_then",
      period: "P2Y",
    });
  });

  it("a manual date set by the DPO wins", () => {
    expect(storagePeriodOf(record, { manualUntil: "2026-12-31" })).toEqual({
      kind: "until",
      date: "2026-12-31",
    });
  });
});
