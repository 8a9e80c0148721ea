import type { CompanySettings } from "../repositories/settings.ts";

/** The demo's controller: what the microsite footer and every mail name (Art. 13(1)(a), (b)). */
export const demoCompany: CompanySettings = {
  name: "Muster Maschinenbau GmbH",
  address: "Hafenstraße 12, 20457 Hamburg, Deutschland",
  privacyContact: "datenschutz@muster-maschinenbau.example",
  // The daily audit checkpoint is mailed here (captured in the outbox of a local install).
  dpoName: "Dana Datenschutz",
  dpoEmail: "dpo@demo.purposeful.test",
  privacyNoticeUrl: "https://www.muster-maschinenbau.example/datenschutz",
  legalNoticeUrl: "https://www.muster-maschinenbau.example/impressum",
  country: "DE",
  region: "HH",
  ageOfConsent: 16,
  // The demo's due contacts are queued for the DPO's review on the Retention page, not erased.
  retentionAction: "review",
  retentionGraceDays: 30,
};
