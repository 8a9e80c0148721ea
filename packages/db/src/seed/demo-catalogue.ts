import type { NewPurpose } from "./factories.ts";

/** The demo company's purposes: consent-based marketing next to contract and legitimate interests. */
export const demoPurposes: NewPurpose[] = [
  {
    key: "newsletter",
    channels: ["email"],
    doubleOptIn: true,
    retentionPeriod: "P2Y",
    dataCategories: ["name", "e-mail address", "language"],
    recipients: ["Resend (e-mail processor)"],
    texts: {
      de: {
        name: "Newsletter",
        description:
          "Wir senden Ihnen etwa einmal im Monat unseren Newsletter mit Produktneuigkeiten und Veranstaltungen per E-Mail. Sie können die Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen.",
      },
      en: {
        name: "Newsletter",
        description:
          "About once a month we e-mail you our newsletter with product news and events. You can withdraw your consent at any time with effect for the future.",
      },
    },
  },
  {
    key: "event_invitations",
    channels: ["email", "post"],
    retentionPeriod: "P2Y",
    dataCategories: ["name", "e-mail address", "postal address"],
    texts: {
      de: {
        name: "Einladungen zu Veranstaltungen",
        description: "Wir laden Sie per E-Mail oder Post zu Messen, Webinaren und Kundentagen ein.",
      },
      en: {
        name: "Event invitations",
        description: "We invite you to trade fairs, webinars and customer days by e-mail or post.",
      },
    },
  },
  {
    key: "product_surveys",
    channels: ["email", "phone"],
    retentionPeriod: "P1Y",
    dataCategories: ["name", "e-mail address", "phone number", "survey answers"],
    texts: {
      de: {
        name: "Produktumfragen",
        description:
          "Wir bitten Sie gelegentlich per E-Mail oder Telefon um Ihre Meinung zu unseren Produkten.",
      },
      en: {
        name: "Product surveys",
        description: "Now and then we ask for your opinion on our products by e-mail or phone.",
      },
    },
  },
  {
    key: "contract_fulfilment",
    defaultLegalBasis: "contract",
    channels: ["email", "phone", "post"],
    retentionPeriod: "P10Y",
    dataCategories: ["name", "contact data", "bank account", "order history"],
    recipients: ["tax advisor", "bank"],
    texts: {
      de: {
        name: "Vertragserfüllung",
        description:
          "Wir verarbeiten Ihre Daten, um unseren Vertrag mit Ihnen zu erfüllen (Lieferung, Rechnung, Support).",
      },
      en: {
        name: "Contract fulfilment",
        description: "We process your data to perform our contract with you (delivery, invoicing, support).",
      },
    },
  },
  {
    key: "profiling",
    channels: ["profiling"],
    retentionPeriod: "P1Y",
    dataCategories: ["order history", "website usage"],
    texts: {
      de: {
        name: "Persönliche Empfehlungen",
        description: "Wir werten Ihre Bestellungen aus, um Ihnen passende Angebote zu zeigen.",
      },
      en: {
        name: "Personal recommendations",
        description: "We analyse your orders to show you offers that suit you.",
      },
    },
  },
  {
    key: "customer_care_calls",
    defaultLegalBasis: "legitimate_interests",
    channels: ["phone"],
    retentionPeriod: "P3Y",
    dataCategories: ["name", "phone number"],
    texts: {
      de: {
        name: "Kundenbetreuung per Telefon",
        description:
          "Wir rufen Bestandskunden an, um bei Fragen zu ihren Produkten zu helfen (berechtigtes Interesse).",
      },
      en: {
        name: "Customer care calls",
        description:
          "We call existing customers to help with questions about their products (legitimate interests).",
      },
    },
  },
];

export const newsletterV2 = {
  de: {
    name: "Newsletter",
    description:
      "Wir senden Ihnen etwa einmal im Monat unseren Newsletter mit Produktneuigkeiten, Veranstaltungen und persönlichen Angeboten per E-Mail; Öffnungen und Klicks werten wir aus. Sie können die Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen.",
  },
  en: {
    name: "Newsletter",
    description:
      "About once a month we e-mail you our newsletter with product news, events and personal offers; we measure opens and clicks. You can withdraw your consent at any time with effect for the future.",
  },
};
