import { auditActions, evidenceKinds, languages } from "@purposeful/domain";
import { describe, expect, it } from "vitest";
import { foldToWinAnsi } from "../letters/win-ansi.ts";
import { auditValuesInWords, reportCalendarDay, reportIban } from "./report-format.ts";
import {
  accessReportTexts,
  auditActionInWords,
  durationInWords,
  storagePeriodInWords,
} from "./report-texts.ts";

describe("the access report's wording", () => {
  it("says a storage period (ISO 8601 duration) in words", () => {
    expect(durationInWords("P2Y", "en")).toBe("2 years");
    expect(durationInWords("P1Y6M", "de")).toBe("1 Jahr und 6 Monate");
    expect(durationInWords("P1Y2M3D", "en")).toBe("1 year, 2 months and 3 days");
    expect(durationInWords("P30D", "de")).toBe("30 Tage");
    expect(durationInWords("P2W", "en")).toBe("2 weeks");
    expect(durationInWords("PT36H", "en")).toBe("36 hours");
    expect(durationInWords("P0D", "en")).toBe("");
    for (const invalid of ["P", "2Y", "P1YT", "P-1Y", ""]) expect(durationInWords(invalid, "en")).toBeNull();
  });

  it("phrases Art. 15(1)(d): a date, or the criterion with the period after the basis", () => {
    const de = (day: string) => reportCalendarDay(day, "de");
    const en = (day: string) => reportCalendarDay(day, "en");
    expect(storagePeriodInWords({ kind: "until", date: "2027-04-01" }, "en", en)).toBe("until 1 April 2027");
    expect(storagePeriodInWords({ kind: "until", date: "2027-04-01" }, "de", de)).toBe("bis zum 01.04.2027");
    expect(storagePeriodInWords({ kind: "while_basis_then", period: "P2Y" }, "en", en)).toBe(
      "as long as the basis lasts, then 2 years",
    );
    expect(storagePeriodInWords({ kind: "while_basis_then", period: "P6M" }, "de", de)).toBe(
      "solange die Rechtsgrundlage besteht, danach noch 6 Monate",
    );
    expect(storagePeriodInWords({ kind: "while_basis_then", period: "P0D" }, "en", en)).toBe(
      "as long as the basis lasts",
    );
    expect(storagePeriodInWords({ kind: "while_basis_then", period: "soon" }, "en", en)).toBe(
      "as long as the basis lasts, then soon",
    );
  });

  it("counts what Art. 15(4) left out in both languages", () => {
    const { de, en } = accessReportTexts;
    expect(en.withheld(2, en.withheldActivities.note)).toBe(
      "2 internal notes were left out: they contain trade secrets or other people's data (Art. 15(4) GDPR).",
    );
    expect(en.withheld(1, en.withheldDocuments.report)).toMatch(
      /^1 internal report was left out: it contains/,
    );
    expect(de.withheld(1, de.withheldActivities.call)).toMatch(/^1 interner Anruf wurde weggelassen/);
    expect(de.withheld(3, de.withheldActivities.note)).toMatch(/^3 interne Notizen wurden weggelassen/);
  });

  it("renders audit values compactly, whatever their shape", () => {
    expect(auditValuesInWords(null)).toBe("");
    expect(auditValuesInWords("shredded")).toBe("shredded");
    expect(
      auditValuesInWords({
        before: { lastName: "Weiss", city: null, same: 1 },
        after: { lastName: "Weiß", city: "Bonn", same: 1 },
      }),
    ).toBe("lastName: Weiss → Weiß; city: — → Bonn");
    expect(auditValuesInWords({ after: { email: "a@example.org" } })).toBe("email: a@example.org");
    expect(auditValuesInWords({ before: { phone: "+49 1" } })).toBe("phone: +49 1 → —");
    expect(auditValuesInWords({ before: "old", after: "new" })).toBe("old → new");
    expect(auditValuesInWords([1, { big: 2n }])).toBe('[1,{"big":"2"}]');
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(auditValuesInWords(cycle)).toBe('{"a":1,"self":"[circular]"}');
    const long = auditValuesInWords({ after: { note: "x".repeat(5000) } }, 100);
    expect(long).toHaveLength(100);
    expect(long.endsWith("…")).toBe(true);
  });

  it("says every audit action and evidence kind in words, printable in the PDF's font", () => {
    for (const language of languages) {
      const t = accessReportTexts[language];
      const words = [
        ...auditActions.map((action) => auditActionInWords(action, language)),
        ...evidenceKinds.map((kind) => t.evidenceKinds[kind]),
      ];
      for (const text of words) {
        expect(text, language).toMatch(/^\S.{2,}/);
        expect(text, language).not.toMatch(/[a-z]_[a-z]|[a-z]\.[a-z]/);
        expect(foldToWinAnsi(text).text, text).toBe(text);
      }
      // Two actions in the same words would leave the person guessing which happened.
      const actionWords = auditActions.map((action) => t.auditActions[action]);
      expect(new Set(actionWords).size, language).toBe(actionWords.length);
    }
    expect(auditActionInWords("record.grant", "de")).toBe("Sie haben Ihre Einwilligung erteilt");
    expect(auditActionInWords("microsite.session_opened", "en")).toBe("You opened your personal page");
  });

  it("says an action the code no longer writes neutrally, with its code", () => {
    expect(auditActionInWords("person.retention_postponed", "en")).toBe(
      "Other change (person.retention_postponed)",
    );
    expect(auditActionInWords("grant", "de")).toBe("Sonstige Änderung (grant)");
  });

  it("prints the full IBAN in groups of four", () => {
    expect(reportIban("de89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00");
  });
});
