import type { NewPurpose } from "./factories.ts";

/**
 * The demo company's purposes: consent-based marketing next to contract and legitimate interests.
 * Advertising purposes are direct marketing (Art. 21(2), (3)); each allows only the bases it can
 * really rest on (the contract purpose: contract alone).
 */
export const demoPurposes: NewPurpose[] = [
  {
    key: "newsletter",
    directMarketing: true,
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
    directMarketing: true,
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
    directMarketing: true,
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
    allowedLegalBases: ["contract"],
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
    directMarketing: true,
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
    allowedLegalBases: ["legitimate_interests"],
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
  {
    // §7(2) no. 1 UWG: advertising calls to consumers need their prior express consent.
    key: "phone_offers",
    directMarketing: true,
    allowedLegalBases: ["consent"],
    channels: ["phone"],
    retentionPeriod: "P2Y",
    dataCategories: ["name", "phone number"],
    texts: {
      de: {
        name: "Angebote per Telefon",
        description:
          "Wir rufen Sie an, um Ihnen neue Produkte und Angebote vorzustellen. Sie können die Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen.",
      },
      en: {
        name: "Offers by phone",
        description:
          "We call you to present new products and offers. You can withdraw your consent at any time with effect for the future.",
      },
    },
  },
  {
    // Recital 47: postal advertising may rest on legitimate interests; Art. 21(2) objection ends it.
    key: "postal_offers",
    defaultLegalBasis: "legitimate_interests",
    allowedLegalBases: ["consent", "legitimate_interests"],
    directMarketing: true,
    channels: ["post"],
    retentionPeriod: "P2Y",
    dataCategories: ["name", "postal address"],
    texts: {
      de: {
        name: "Angebote per Post",
        description:
          "Wir senden Ihnen Kataloge und Angebote per Post. Sie können dem jederzeit widersprechen (Art. 21(2) DSGVO).",
      },
      en: {
        name: "Offers by post",
        description:
          "We send you catalogues and offers by post. You can object to this at any time (Art. 21(2) GDPR).",
      },
    },
  },
  {
    // §7(3) UWG: e-mail offers of similar products to existing customers, without consent, until
    // they object; Art. 6(1)(f) with the objection of Art. 21(2).
    key: "customer_mail_offers",
    defaultLegalBasis: "legitimate_interests",
    allowedLegalBases: ["legitimate_interests"],
    directMarketing: true,
    ownSimilarGoods: true,
    channels: ["email"],
    retentionPeriod: "P2Y",
    dataCategories: ["name", "e-mail address", "order history"],
    texts: {
      de: {
        name: "Angebote für Bestandskunden per E-Mail",
        description:
          "Als Kunde erhalten Sie per E-Mail Angebote zu Produkten, die den gekauften ähnlich sind (§7(3) UWG). Sie können dem jederzeit widersprechen, ohne dass andere als die Übermittlungskosten nach den Basistarifen entstehen.",
      },
      en: {
        name: "E-mail offers for customers",
        description:
          "As a customer you receive e-mail offers of products similar to those you bought (§7(3) UWG). You can object at any time without costs other than the basic transmission costs.",
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
