import type { Language } from "@purposeful/domain";
import type { CompanySettings } from "../components/layout.tsx";

/** Realistic sample data for the preview server and the template tests. */
export const previewCompany: CompanySettings = {
  name: "Muster Maschinenbau GmbH",
  address: "Hafenstraße 12, 20457 Hamburg",
  privacyContact: "datenschutz@muster-maschinenbau.example",
  privacyNoticeUrl: "https://www.muster-maschinenbau.example/datenschutz",
};

export const previewLinkUrl = "http://localhost:3001/de/p/EXAMPLE-TOKEN";

/** Sample purposes in both languages, for the consent request mail and the printed letter. */
export const previewPurposes = {
  de: [
    {
      name: "Newsletter per E-Mail",
      description:
        "Wir schicken Ihnen etwa einmal im Monat eine E-Mail mit Neuigkeiten zu unseren Maschinen, Wartungsangeboten und Messeterminen. Dafür nutzen wir Ihren Namen und Ihre E-Mail-Adresse.",
    },
    {
      name: "Einladungen zu Kundenveranstaltungen",
      description:
        "Wir laden Sie per E-Mail oder Post zu Hausmessen und Schulungen in Hamburg ein. Dafür nutzen wir Ihren Namen, Ihre Firma und Ihre Kontaktdaten.",
    },
  ],
  en: [
    {
      name: "E-mail newsletter",
      description:
        "About once a month we send you an e-mail with news about our machines, maintenance offers and trade fair dates. For this we use your name and your e-mail address.",
    },
    {
      name: "Invitations to customer events",
      description:
        "We invite you by e-mail or post to in-house exhibitions and training courses in Hamburg. For this we use your name, your company and your contact details.",
    },
  ],
} satisfies Record<Language, Array<{ name: string; description: string }>>;

/** A sample recipient of a printed consent request, per language. */
export const previewLetterRecipient = {
  de: {
    salutationName: "Frau Dr. Müller",
    addressLines: ["Frau Dr. Erika Müller", "Beispiel Werkzeugbau AG", "Am Sandtorkai 5", "20457 Hamburg"],
  },
  en: {
    salutationName: "Ms Miller",
    addressLines: [
      "Ms Jane Miller",
      "Example Tools Ltd",
      "10 Market Street",
      "Leeds LS1 6DT",
      "UNITED KINGDOM",
    ],
  },
} satisfies Record<Language, { salutationName: string; addressLines: string[] }>;

/** The sample letter's link: a token as long as a real one, so the preview shows how it is printed. */
export const previewMicrositeUrl = "http://localhost:3001";
export const previewLetterToken = "EXAMPLE-TOKEN-2QpmXbV8cY1tR7kLs0nWzHf3gJ4dA";
