import type { CompanySettings } from "../repositories/settings.ts";

/** The demo's controller: what the microsite footer and every mail name (Art. 13(1)(a), (b)). */
export const demoCompany: CompanySettings = {
  name: "Muster Maschinenbau GmbH",
  address: "Hafenstraße 12, 20457 Hamburg, Deutschland",
  privacyContact: "datenschutz@muster-maschinenbau.example",
  dpoName: "Dr. Petra Schulz",
  dpoEmail: "dsb@muster-maschinenbau.example",
  privacyNoticeUrl: "https://www.muster-maschinenbau.example/datenschutz",
  legalNoticeUrl: "https://www.muster-maschinenbau.example/impressum",
  country: "DE",
  region: "HH",
  ageOfConsent: 16,
};
