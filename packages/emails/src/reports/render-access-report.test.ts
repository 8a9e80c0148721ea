import { createRequire } from "node:module";
import type { Language } from "@purposeful/domain";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { renderAccessReportPdf } from "./render-access-report.ts";
import {
  fixtureActivities,
  fixtureAuditHistory,
  fixtureController,
  fixtureDocuments,
  fixtureFacts,
  fixtureIban,
  fixtureReport,
} from "./report-fixture.ts";

// pdf.js draws nothing here, but its font loader wants the standard font metrics it ships with.
const standardFontDataUrl = createRequire(import.meta.url)
  .resolve("pdfjs-dist/package.json")
  .replace(/package\.json$/, "standard_fonts/");

/** The text of the PDF's pages (all, or the given 1-based ones), as pdf.js extracts it. */
async function pdfText(pdf: Buffer, pages?: number[]): Promise<{ pageCount: number; text: string }> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    standardFontDataUrl,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const numbers = pages ?? Array.from({ length: document.numPages }, (_, i) => i + 1);
  let text = "";
  for (const number of numbers) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ("str" in item) text += `${item.str}${item.hasEOL ? "\n" : " "}`;
  }
  const pageCount = document.numPages;
  await document.destroy();
  return { pageCount, text };
}

// react-pdf breaks lines where it likes: text is compared without white space.
const squeeze = (text: string) => text.replace(/\s+/g, "");

const expected: Record<Language, { present: string[]; absent: string[] }> = {
  de: {
    present: [
      "Auskunft über Ihre personenbezogenen Daten",
      "Sie haben Auskunft darüber verlangt, ob und welche personenbezogenen Daten wir über Sie verarbeiten.",
      "Zwecke und Rechtsgrundlagen",
      "Berechtigte Interessen",
      "Art. 6(1)(f) DSGVO",
      "Ihre Rechte",
      "Widerspruch gegen Direktwerbung",
      "solange die Rechtsgrundlage besteht, danach noch 6 Monate",
      "bis zum 31.03.2027",
      "Standardvertragsklauseln",
      "Wir schätzen aus Ihren Bestellungen, welche Angebote Sie interessieren",
      "Für diese Zwecke werten wir Ihre Daten automatisiert aus (Profiling): Kundenbewertung.",
      "Weitere Quellen: importierte Liste.",
      "1 interne Notiz wurde weggelassen, da Geschäftsgeheimnisse oder Daten anderer Personen darin stehen (Art. 15 Abs. 4 DSGVO).",
      "1 interner Bericht wurde weggelassen",
      "Kopien dieser Dokumente liegen dieser Auskunft bei.",
      "Seite 1 von",
      // The audit history and the records' history and evidence in words, never their codes.
      "Ihre Daten wurden geändert",
      "Ihre Daten wurden erstmals gespeichert",
      "Sie haben Ihre Einwilligung erteilt",
      "Kontaktdaten hinzugefügt",
      "Sie haben Ihre Einwilligung über den Bestätigungslink bestätigt",
      "Verarbeitung begonnen (Rechtsgrundlage wirksam)",
      "Unterschrift · Signed at the Hannover fair",
      "Ihre persönliche Seite · Confirmation link clicked",
    ],
    absent: ["Purposes and legal bases", "Your rights", "Page 1 of", "You gave your consent"],
  },
  en: {
    present: [
      "Access to your personal data",
      // The template's own intro in English; in German there is none, so the report's default.
      "here is the information you asked us for on 2 March 2026.",
      "Purposes and legal bases",
      "Legitimate interests",
      "Art. 6(1)(f) GDPR",
      "Your rights",
      "Objection to direct marketing",
      "as long as the basis lasts, then 6 months",
      "until 31 March 2027",
      "Standard contractual clauses",
      "We estimate from your orders which offers interest you",
      "For these purposes we evaluate your data automatically (profiling): Customer scoring.",
      "Other sources: an imported list.",
      "1 internal note was left out: it contains trade secrets or other people's data (Art. 15(4) GDPR).",
      "1 internal report was left out",
      "Copies of these documents are attached to this report.",
      "Page 1 of",
      "Your data was changed",
      "Your data was first stored",
      "You gave your consent",
      "Contact details added",
      "You confirmed your consent with the confirmation link",
      "Processing started (legal basis in force)",
      "signature · Signed at the Hannover fair",
      "your personal page · Confirmation link clicked",
    ],
    absent: [
      "Zwecke und Rechtsgrundlagen",
      "Ihre Rechte",
      "Seite 1 von",
      "Sie haben Ihre Einwilligung erteilt",
    ],
  },
};

describe("renderAccessReportPdf (Art. 15 GDPR)", () => {
  for (const language of ["de", "en"] as const) {
    it(`prints the information and the copy in ${language}`, async () => {
      const pdf = await renderAccessReportPdf(fixtureReport(language));
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const { pageCount, text } = await pdfText(pdf);
      const all = squeeze(text);
      expect(pageCount).toBeGreaterThan(1);
      for (const phrase of [
        "Grete Weiß",
        fixtureIban,
        fixtureController.authorityName,
        fixtureController.authorityAddress,
        "Newsletter",
        "grete.weiss@beispiel-werke.example",
        "maintenance-contract.pdf",
        "Signed at the Hannover fair",
        "lastName: Weiss -> Weiß",
        // Outside WinAnsi: folded to what Helvetica can print, never dropped.
        "Greetings from Lódz -> Kraków",
        ...expected[language].present,
      ]) {
        expect(all, phrase).toContain(squeeze(phrase));
      }
      for (const phrase of expected[language].absent) expect(all, phrase).not.toContain(squeeze(phrase));
      // No internal code reaches the person: audit actions, record events, evidence kinds.
      for (const code of [
        "person.updated",
        "person.created",
        "record.",
        "communication.added",
        "double_opt_in",
      ])
        expect(all, code).not.toContain(code);
      // Art. 15(4): the internal note and the internal report are counted, not shown.
      expect(all).not.toContain(squeeze("margin on the last order"));
      expect(all).not.toContain("credit-assessment.pdf");
      expect(all).toContain(
        squeeze(
          `${language === "de" ? "Seite" : "Page"} ${pageCount} ${language === "de" ? "von" : "of"} ${pageCount}`,
        ),
      );
    });
  }

  // Long lists across many pages, set by pdfkit page by page (report-long-list.tsx). The render time
  // of the bench's big person (10,000 activities, 500 documents) is a bench figure (issue 10 #6), not
  // a test's, as CI runs the packages' tests side by side.
  it("prints long lists of activities, documents and audit events completely, page by page", async () => {
    const long = `${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(120)}\nLast line of the long mail.`;
    const activities = fixtureActivities(2_000).map((a, i) => (i === 700 ? { ...a, body: long } : a));
    const report = fixtureReport("de", {
      facts: { activities, documents: fixtureDocuments(300), auditHistory: fixtureAuditHistory(400) },
    });
    const started = performance.now();
    const pdf = await renderAccessReportPdf(report);
    const seconds = (performance.now() - started) / 1000;
    const { pageCount, text } = await pdfText(pdf);
    console.info(
      `access report, 2,000 activities, 300 documents, 400 audit events: ${seconds.toFixed(1)} s, ${pageCount} pages, ${(pdf.length / 1e6).toFixed(1)} MB`,
    );
    const all = squeeze(text);
    // Every activity shown exactly once, in order: none lost or doubled at a page break.
    // (The long mail is interrupted by the page footers: only its start.)
    const shown = report.copy.activities.map((a) => squeeze(`${a.subject}${a.body?.slice(0, 200)}`));
    let from = 0;
    for (const entry of shown) {
      const at = all.indexOf(entry, from);
      expect(at, entry.slice(0, 40)).toBeGreaterThanOrEqual(0);
      from = at + entry.length;
    }
    expect(all.split("call1Talked").length).toBe(2);
    // The 7,000-character mail runs over pages, every sentence of it, and ends with its last line.
    expect(all.split("Loremipsum").length - 1).toBe(120);
    expect(all).toContain(squeeze("elit. Last line of the long mail."));
    // Every document listed, the table's head on each of its pages; every audit event.
    for (const d of report.copy.documents) expect(all).toContain(d.fileName);
    const tablePages = Math.ceil(report.copy.documents.length / 40);
    expect(all.split(squeeze("Dateiname Art Größe Datum")).length - 1).toBeGreaterThanOrEqual(tablePages);
    expect(all.split("Town399").length).toBe(2);
    expect(all).toContain(squeeze("400 interne Notizen wurden weggelassen"));
    expect(all).toContain(squeeze(`Seite ${pageCount} von ${pageCount}`));
  });

  it("tells an erased person that only what a retention duty holds is left", async () => {
    const facts = fixtureFacts("en");
    const report = fixtureReport("en", {
      facts: {
        person: {
          ...facts.person,
          erasedLevel: 3,
          firstName: "",
          lastName: "",
          salutation: null,
          title: null,
        },
        emails: [],
        phones: [],
        addresses: [],
        activities: [],
        documents: facts.documents.filter((d) => d.kind === "upload"),
        relationships: [],
        records: [],
        consentReceipts: [],
        auditHistory: [],
        micrositeVisits: [],
      },
    });
    const all = squeeze((await pdfText(await renderAccessReportPdf(report))).text);
    expect(all).toContain(
      squeeze(
        "This person's data was erased (Art. 17 GDPR). Nothing is stored any more except one document and one bank account, which a legal duty requires us to keep",
      ),
    );
    expect(all).toContain(squeeze("(erased)"));
    expect(all).toContain("maintenance-contract.pdf");
    expect(all).toContain(fixtureIban);
    // The information Art. 15(1) requires is still there; the empty parts of the copy are not.
    expect(all).toContain(squeeze("Complaint to a supervisory authority"));
    expect(all).not.toContain(squeeze("Contacts and activities"));
    expect(all).not.toContain(squeeze("Change history"));

    const nothingLeft = fixtureReport("de", {
      facts: { ...report.copy, person: report.copy.person, documents: [], bankAccounts: [], activities: [] },
    });
    expect(squeeze((await pdfText(await renderAccessReportPdf(nothingLeft))).text)).toContain(
      squeeze(
        "Die Daten dieser Person wurden gelöscht (Art. 17 DSGVO). Über sie ist nichts mehr gespeichert.",
      ),
    );
  });
});
