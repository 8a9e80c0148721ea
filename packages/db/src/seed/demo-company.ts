import type { CompanySettings } from "../repositories/settings.ts";

/** The demo's controller: what the microsite footer and every mail name (Art. 13(1)(a), (b)). */
export const demoCompany: CompanySettings = {
  name: "Muster Maschinenbau GmbH",
  address: "Hafenstraße 12, 20457 Hamburg, Deutschland",
  privacyContact: "datenschutz@muster-maschinenbau.example",
  controllerEmail: "info@muster-maschinenbau.example",
  controllerPhone: "+49 40 1234567-0",
  // The daily audit checkpoint is mailed here (captured in the outbox of a local install).
  dpoName: "Dana Datenschutz",
  dpoEmail: "dpo@demo.purposeful.test",
  dpoAddress: "Muster Maschinenbau GmbH, Datenschutzbeauftragte, Hafenstraße 12, 20457 Hamburg",
  dpoPhone: "+49 40 1234567-99",
  // The authority of the controller's main establishment (Art. 51, 55, 77).
  authorityName: "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit",
  authorityAddress: "Ludwig-Erhard-Straße 22, 20459 Hamburg",
  authorityUrl: "https://datenschutz-hamburg.de",
  technicalMeasures: [
    "Zugang zum Portal nur mit persönlichem Konto, Rollen nach dem Need-to-know-Prinzip, Sitzungen laufen ab.",
    "Übertragung ausschließlich per TLS; personenbezogene Werte im Änderungsprotokoll verschlüsselt (Art. 32(1)(a)).",
    "Tägliche Sicherung, Wiederherstellung jährlich geprüft (Art. 32(1)(c)); manipulationssicheres Änderungsprotokoll.",
    "Datenbankrollen mit den geringsten nötigen Rechten; Löschfristen werden automatisch durchgesetzt.",
  ].join("\n"),
  privacyNoticeUrl: "https://www.muster-maschinenbau.example/datenschutz",
  legalNoticeUrl: "https://www.muster-maschinenbau.example/impressum",
  country: "DE",
  region: "HH",
  ageOfConsent: 16,
  // The demo's due contacts are queued for the DPO's review on the Retention page, not erased.
  retentionAction: "review",
  retentionGraceDays: 30,
  reminderDaysBeforeDue: [7, 2],
};
