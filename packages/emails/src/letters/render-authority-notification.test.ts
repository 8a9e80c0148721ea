import type { IncidentAuthorityReport } from "@purposeful/db";
import type { Language } from "@purposeful/domain";
import { describe, expect, it } from "vitest";
import { readPdf } from "./read-pdf.ts";
import { renderAuthorityNotificationPdf } from "./render-authority-notification.ts";

const awareAt = new Date("2026-11-02T08:00:00Z");
const report: IncidentAuthorityReport = {
  number: "INC-2026-0007",
  title: "Laptop gestohlen",
  controller: {
    name: "Muster Maschinenbau GmbH",
    address: "Hafenstraße 12, 20457 Hamburg",
    email: "info@muster-maschinenbau.example",
    phone: "+49 40 123456",
  },
  dpo: {
    name: "Dr. Dana Datenschutz",
    email: "dsb@muster-maschinenbau.example",
    phone: "+49 40 654321",
    address: "Postfach 1, 20001 Hamburg",
  },
  contactPoint: "IT-Sicherheit, Raum 4.12",
  authority: { name: "Der Hamburgische Beauftragte für Datenschutz", address: "Ludwig-Erhard-Str. 22" },
  nature: "Ein Laptop mit einer Offline-Kopie des CRM wurde aus einem Auto gestohlen.",
  dataCategories: ["Kontaktdaten", "Vertragsdaten"],
  subjectsApprox: 1200,
  recordsApprox: 5000,
  linkedPersons: 3,
  occurredAt: new Date("2026-11-01T18:30:00Z"),
  awareAt,
  discoveredBy: "Außendienst",
  consequences: "Phishing mit echten Vertragsdaten ist möglich.",
  measures: "Geräte gesperrt, Passwörter zurückgesetzt; Betroffene werden gewarnt.",
  risk: "high",
  riskReasons: "Die Festplatte war nicht verschlüsselt.",
  riskAssessedAt: new Date("2026-11-02T12:00:00Z"),
  deadline: new Date("2026-11-05T08:00:00Z"),
  authorityNotifiedAt: null,
  late: true,
  delayReason: "Der Auftragsverarbeiter hat den Umfang erst am vierten Tag gemeldet.",
  subjectsNotifiedAt: null,
  notificationException: null,
  generatedAt: new Date("2026-11-06T09:15:00Z"),
};

// Text is compared without white space: react-pdf breaks lines where it likes.
const squeeze = (text: string) => text.replace(/\s+/g, "");
const textOf = async (input: IncidentAuthorityReport, language: Language) => {
  const pdf = await renderAuthorityNotificationPdf(input, language);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return squeeze(
    readPdf(pdf)
      .map((page) => page.text)
      .join(""),
  );
};

/** Each Art. 33(3) item (and 33(1), 33(4)) as the authority reads it. */
const expected: Record<Language, string[]> = {
  de: [
    "Meldung einer Verletzung des Schutzes personenbezogener Daten",
    "Verantwortlicher und Datenschutzbeauftragter",
    "Art. 33(3)(b) DSGVO",
    "Datenschutzbeauftragte(r)",
    "Art der Verletzung",
    "Art. 33(3)(a) DSGVO",
    "Kategorien personenbezogener Daten",
    "Ungefähre Zahl der betroffenen Personen",
    "ca. 1.200 (davon namentlich zugeordnet: 3)",
    "Ungefähre Zahl der betroffenen Datensätze",
    "ca. 5.000",
    "Eingetreten am",
    "01.11.2026, 19:30",
    "Bekannt geworden am",
    "02.11.2026, 09:00",
    "Wahrscheinliche Folgen",
    "Art. 33(3)(c) DSGVO",
    "Ergriffene oder vorgeschlagene Maßnahmen",
    "Art. 33(3)(d) DSGVO",
    "Abmilderung ihrer möglichen nachteiligen Auswirkungen",
    "Risikobewertung",
    "voraussichtlich hohes Risiko",
    "Gründe für die Verzögerung",
    "Schrittweise Information",
    "Art. 33(4) DSGVO",
  ],
  en: [
    "Notification of a personal data breach",
    "Controller and data protection officer",
    "Art. 33(3)(b) GDPR",
    "Nature of the breach",
    "Art. 33(3)(a) GDPR",
    "Categories of personal data",
    "Approximate number of data subjects concerned",
    "approx. 1,200 (of whom identified by name: 3)",
    "Approximate number of personal data records concerned",
    "approx. 5,000",
    "Occurred on",
    "Became aware on",
    "Likely consequences",
    "Art. 33(3)(c) GDPR",
    "Measures taken or proposed",
    "Art. 33(3)(d) GDPR",
    "mitigate its possible adverse effects",
    "Risk assessment",
    "likely to result in a high risk",
    "Reasons for the delay",
    "Information in phases",
    "Art. 33(4) GDPR",
  ],
};

describe("renderAuthorityNotificationPdf (Art. 33(3))", () => {
  it.each(["de", "en"] as const)(
    "holds every Art. 33(3) item and the incident's facts (%s)",
    async (language) => {
      const text = await textOf(report, language);
      const facts = [
        report.number,
        report.controller.name,
        report.controller.address,
        report.dpo.name,
        report.dpo.email,
        report.dpo.phone,
        report.dpo.address,
        report.contactPoint!,
        report.nature,
        ...report.dataCategories,
        report.consequences!,
        report.measures!,
        report.riskReasons!,
        report.delayReason!,
        report.authority.name,
      ];
      for (const phrase of [...expected[language], ...facts]) expect(text).toContain(squeeze(phrase));
    },
  );

  it("says when the delay's reasons are still missing, and leaves the delay out when in time", async () => {
    expect(await textOf({ ...report, delayReason: null }, "en")).toContain(
      squeeze("The reasons for the delay are still to be given."),
    );
    const inTime = await textOf({ ...report, late: false, delayReason: null }, "de");
    expect(inTime).not.toContain(squeeze("Gründe für die Verzögerung"));
    // Unknown facts are said to be unknown or to follow (Art. 33(4)), never left blank.
    const early = await textOf(
      { ...report, subjectsApprox: null, consequences: null, measures: null, risk: null, occurredAt: null },
      "de",
    );
    for (const phrase of [
      "noch nicht bekannt",
      "Noch nicht angegeben; wird nachgereicht",
      "noch nicht bewertet",
    ])
      expect(early).toContain(squeeze(phrase));
  });
});
