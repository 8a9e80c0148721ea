import {
  type AccessReport,
  type AccessReportFacts,
  buildAccessReport,
  defaultReportTemplate,
  type Language,
  type ReportController,
  type ReportRecord,
  type ReportTemplateSettings,
} from "@purposeful/domain";

/**
 * A person with every kind of data an access report shows, for tests of the PDF and the preview:
 * four purposes on four bases (one profiling, one imported, one with a transfer to the US, one
 * withdrawn), contact data, a bank account, activities and documents including internal ones that
 * the template withholds (Art. 15(4)), relationships, consent receipts, audit history, visits.
 */

export const fixtureAt = new Date("2026-03-15T09:00:00Z");

import { fixtureActivities } from "./big-person-fixture.ts";

export { fixtureActivities, fixtureAuditHistory, fixtureDocuments } from "./big-person-fixture.ts";

const day = (iso: string) => new Date(iso);

export const fixtureController: ReportController = {
  name: "Muster Maschinenbau GmbH",
  address: "Industriestraße 5\n80331 München",
  email: "datenschutz@muster-maschinenbau.example",
  phone: "+49 89 123456-0",
  dpoName: "Dr. Petra Schutz",
  dpoEmail: "dsb@muster-maschinenbau.example",
  dpoAddress: "Industriestraße 5, 80331 München",
  authorityName: "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)",
  authorityAddress: "Promenade 18, 91522 Ansbach",
  authorityUrl: "https://www.lda.bayern.de",
};

export const fixtureIban = "DE89370400440532013000";

export function fixtureTemplate(overrides: Partial<ReportTemplateSettings> = {}): ReportTemplateSettings {
  return {
    ...defaultReportTemplate,
    internalDocumentKinds: ["report"],
    attachDocuments: true,
    intro: { en: "Dear Dr Weiß,\n\nhere is the information you asked us for on 2 March 2026." },
    outro: {},
    letterhead: "",
    ...overrides,
  };
}

export function fixtureRecord(overrides: Partial<ReportRecord> = {}): ReportRecord {
  return {
    purposeKey: "newsletter",
    purposeName: "Newsletter",
    purposeDescription: "Our monthly newsletter about new machines and trade fairs",
    purposeVersion: 2,
    source: "microsite",
    state: "confirmed",
    legalBasis: "consent",
    directMarketing: true,
    profiling: false,
    channels: ["email"],
    dataCategories: ["contact data"],
    dataSubjectCategories: ["customers"],
    recipients: ["Mail service provider"],
    transfers: [],
    confirmedAt: day("2025-05-02T08:15:00Z"),
    createdAt: day("2025-05-01T10:00:00Z"),
    history: [
      { at: day("2025-05-01T10:00:00Z"), action: "record.grant" },
      { at: day("2025-05-02T08:15:00Z"), action: "record.confirm" },
    ],
    evidence: [
      {
        kind: "microsite",
        description: "Confirmation link clicked",
        createdAt: day("2025-05-02T08:15:00Z"),
      },
    ],
    doubleOptInRequired: true,
    requestedAt: null,
    grantedAt: day("2025-05-01T10:00:00Z"),
    withdrawnAt: null,
    declinedAt: null,
    endedAt: null,
    objectedAt: null,
    validUntil: null,
    updatedAt: day("2025-05-02T08:15:00Z"),
    retentionPeriod: "P2Y",
    ...overrides,
  };
}

const purposeTexts = {
  de: {
    newsletter: ["Newsletter", "Unser monatlicher Newsletter über neue Maschinen und Messen"],
    scoring: ["Kundenbewertung", "Wir schätzen aus Ihren Bestellungen, welche Angebote Sie interessieren"],
    contract: ["Wartungsvertrag", "Durchführung Ihres Wartungsvertrags"],
    fair: ["Messeeinladungen", "Einladungen zu unseren Messeständen per Post"],
  },
  en: {
    newsletter: ["Newsletter", "Our monthly newsletter about new machines and trade fairs"],
    scoring: ["Customer scoring", "We estimate from your orders which offers interest you"],
    contract: ["Maintenance contract", "Performing your maintenance contract"],
    fair: ["Trade fair invitations", "Invitations to our trade fair stands by post"],
  },
} satisfies Record<Language, Record<string, [string, string]>>;

export function fixtureFacts(
  language: Language,
  overrides: Partial<AccessReportFacts> = {},
): AccessReportFacts {
  const texts = purposeTexts[language];
  const purpose = (key: keyof typeof texts) => ({
    purposeKey: key,
    purposeName: texts[key][0],
    purposeDescription: texts[key][1],
  });
  return {
    person: {
      salutation: "Frau",
      title: "Dr.",
      firstName: "Grete",
      lastName: "Weiß",
      birthday: "1980-07-14",
      jobTitle: "Head of maintenance",
      organizationName: "Beispiel Werke AG",
      preferredLanguage: language,
      createdAt: day("2024-01-10T12:00:00Z"),
      erasedLevel: 0,
      restricted: false,
      retentionManualUntil: null,
      dmObjectionChannels: ["phone"],
      mailBlocks: ["sms"],
    },
    emails: [
      { address: "grete.weiss@beispiel-werke.example", kind: "work", isPrimary: true },
      { address: "grete@privat.example", kind: "private", isPrimary: false },
    ],
    phones: [{ number: "+49 170 5550123", kind: "mobile", isPrimary: true }],
    addresses: [
      {
        street: "Große Elbstraße 7",
        postalCode: "22767",
        city: "Hamburg",
        country: "DE",
        kind: "home",
        isPrimary: true,
      },
    ],
    bankAccounts: [
      {
        iban: fixtureIban,
        bic: "COBADEFFXXX",
        accountHolder: "Grete Weiß",
        mandateReference: "MND-2024-0042",
      },
    ],
    activities: [
      ...fixtureActivities(5),
      {
        kind: "email",
        direction: "inbound",
        occurredAt: day("2026-02-01T15:30:00Z"),
        subject: "Greetings from Łódź → Kraków",
        body: "Dziękuję za ofertę 😀",
        durationSeconds: null,
      },
    ],
    documents: [
      {
        id: "doc-1",
        kind: "upload",
        fileName: "maintenance-contract.pdf",
        contentType: "application/pdf",
        sizeBytes: 183_442,
        createdAt: day("2025-06-01T09:00:00Z"),
      },
      {
        id: "doc-2",
        kind: "signature",
        fileName: "fair-signature.png",
        contentType: "image/png",
        sizeBytes: 20_480,
        createdAt: day("2025-09-12T13:00:00Z"),
      },
      {
        id: "doc-3",
        kind: "report",
        fileName: "credit-assessment.pdf",
        contentType: "application/pdf",
        sizeBytes: 51_200,
        createdAt: day("2025-10-01T09:00:00Z"),
      },
    ],
    relationships: [
      { role: "employee", organizationName: "Beispiel Werke AG", withPerson: false, note: null },
      { role: "assistant of", organizationName: null, withPerson: true, note: "books the appointments" },
    ],
    records: [
      fixtureRecord(purpose("newsletter")),
      fixtureRecord({
        ...purpose("scoring"),
        source: "import",
        state: "active",
        legalBasis: "legitimate_interests",
        directMarketing: false,
        profiling: true,
        channels: ["profiling"],
        dataCategories: ["order history", "contact data"],
        recipients: ["Scoring Inc."],
        transfers: [{ country: "US", recipient: "Scoring Inc.", safeguard: "standard_contractual_clauses" }],
        confirmedAt: null,
        history: [{ at: day("2025-03-01T10:00:00Z"), action: "record.activate" }],
        evidence: [],
        retentionPeriod: "P6M",
      }),
      fixtureRecord({
        ...purpose("contract"),
        source: "letter",
        state: "active",
        legalBasis: "contract",
        directMarketing: false,
        channels: ["email", "phone", "post"],
        dataCategories: ["contract data", "bank data"],
        recipients: ["Tax adviser"],
        confirmedAt: null,
        evidence: [],
        retentionPeriod: "P10Y",
      }),
      fixtureRecord({
        ...purpose("fair"),
        source: "signature",
        state: "withdrawn",
        channels: ["post"],
        withdrawnAt: day("2026-03-31T12:00:00Z"),
        updatedAt: day("2026-03-31T12:00:00Z"),
        evidence: [
          {
            kind: "signature",
            description: "Signed at the Hannover fair",
            createdAt: day("2025-09-12T13:00:00Z"),
          },
        ],
        retentionPeriod: "P1Y",
      }),
    ],
    consentReceipts: [
      {
        sentAt: day("2025-05-02T08:16:00Z"),
        subject: "Your consent: confirmation",
        to: "grete.weiss@beispiel-werke.example",
      },
    ],
    auditHistory: [
      {
        at: day("2025-05-03T09:00:00Z"),
        action: "person.updated",
        actor: "staff",
        values: { before: { lastName: "Weiss", city: null }, after: { lastName: "Weiß", city: "Hamburg" } },
      },
      { at: day("2025-05-04T09:00:00Z"), action: "person.created", actor: "api", values: null },
      { at: day("2025-05-05T09:00:00Z"), action: "record.grant", actor: "data_subject", values: "shredded" },
      {
        at: day("2025-05-06T09:00:00Z"),
        action: "communication.added",
        actor: "system",
        values: { after: { tags: ["a", "b"], note: "x".repeat(1000) } },
      },
    ],
    micrositeVisits: [
      { at: day("2025-05-01T09:58:00Z"), via: "e-mail" },
      { at: day("2026-01-20T18:00:00Z"), via: null },
    ],
    ...overrides,
  };
}

/** The fixture person's report in `language`, from `buildAccessReport` as the portal builds it. */
export function fixtureReport(
  language: Language,
  options: { facts?: Partial<AccessReportFacts>; template?: Partial<ReportTemplateSettings> } = {},
): AccessReport {
  return buildAccessReport(fixtureFacts(language, options.facts), {
    template: fixtureTemplate(options.template),
    language,
    controller: fixtureController,
    generatedAt: fixtureAt,
  });
}
