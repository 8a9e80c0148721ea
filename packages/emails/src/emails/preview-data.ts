import type { CompanySettings } from "../components/layout.tsx";

/** Realistic sample data for the preview server and the template tests. */
export const previewCompany: CompanySettings = {
  name: "Muster Maschinenbau GmbH",
  address: "Hafenstraße 12, 20457 Hamburg",
  privacyContact: "datenschutz@muster-maschinenbau.example",
  privacyNoticeUrl: "https://www.muster-maschinenbau.example/datenschutz",
};

export const previewLinkUrl = "http://localhost:3001/de/p/EXAMPLE-TOKEN";
