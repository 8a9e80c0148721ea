import type { ReportController } from "@purposeful/domain";
import { authority, contactEn, listIn } from "./report-text-parts.ts";
import type { de } from "./report-texts-de.ts";

/** The access report's wording in English (see report-texts.ts). */
export const en: typeof de = {
  documentTitle: "Access to your personal data",
  titleArticle: "Art. 15 GDPR",
  subjectLabel: "Data subject",
  erasedSubject: "(erased)",
  dateLabel: "Date",
  timeZoneNote: "All times in German time (Europe/Berlin).",
  defaultIntro:
    "You asked us whether we process personal data about you and which. The first part gives you the information of Art. 15(1) and (2) GDPR, the second a copy of the data we store about you (Art. 15(3) GDPR).",
  defaultOutro: (c: ReportController) =>
    `If you have questions about this report or want to exercise one of your rights, you can reach us ${contactEn(c)}.`,
  informationPart: "Part 1: Information about the processing",
  informationArticle: "Art. 15(1), (2) GDPR",
  copyPart: "Part 2: A copy of your data",
  copyArticle: "Art. 15(3) GDPR",
  article: (article: string) => `${article} GDPR`,
  page: (page: number, of: number) => `Page ${page} of ${of}`,
  none: "None.",
  yes: "yes",
  no: "no",
  sections: {
    controller: "Controller, data protection officer and supervisory authority",
    purposes: "Purposes and legal bases",
    data_categories: "Categories of your data",
    recipients: "Recipients",
    third_country_transfers: "Transfers to third countries",
    storage_period: "Storage period",
    rights: "Your rights",
    data_source: "Source of the data",
    automated_decisions: "Automated decision-making and profiling",
    master_data: "Master data",
    communication_data: "Contact details",
    bank_accounts: "Bank accounts",
    activities: "Contacts and activities",
    documents: "Documents",
    relationships: "Relationships",
    processing_records: "Processing records and consents",
    consent_receipts: "Confirmations sent to you",
    audit_history: "Change history",
    microsite_visits: "Visits to your personal page",
  },
  controller: {
    controller: "Controller",
    dpo: "Data protection officer",
    authority: "Competent supervisory authority",
    email: "E-mail",
    phone: "Phone",
  },
  purposes: {
    purpose: "Purpose",
    legalBasis: "Legal basis",
    storage: "Storage period",
    source: "Source",
    state: "State",
    fromYou: "collected from you",
  },
  dataCategoriesIntro: "We process these categories of personal data about you:",
  recipientsIntro: "These recipients or categories of recipients receive your data:",
  noRecipients: "We do not disclose your data to any recipient.",
  transfers: {
    none: "We do not transfer your data to countries outside the European Economic Area.",
    intro: "These recipients are outside the European Economic Area; the transfer is safeguarded as follows:",
    country: "Country",
    recipient: "Recipient",
    purpose: "Purpose",
    safeguard: "Safeguard",
  },
  storageIntro:
    "We store your data for each purpose as long as stated here; then we erase it unless a legal duty requires us to keep it.",
  storageUntil: (day: string) => `until ${day}`,
  storageWhileBasis: (then: string | null) =>
    then ? `as long as the basis lasts, then ${then}` : "as long as the basis lasts",
  durationUnits: {
    years: { one: "year", other: "years" },
    months: { one: "month", other: "months" },
    weeks: { one: "week", other: "weeks" },
    days: { one: "day", other: "days" },
    hours: { one: "hour", other: "hours" },
    minutes: { one: "minute", other: "minutes" },
    seconds: { one: "second", other: "seconds" },
  },
  and: "and",
  rightsIntro: "You have these rights towards us. Exercising them is free of charge.",
  rights: {
    access: {
      title: "Access",
      explain: (c) =>
        `You can ask at any time which data we store about you and receive a copy of it, as with this report – ${contactEn(c)}.`,
    },
    rectification: {
      title: "Rectification",
      explain: (c) =>
        `If data about you is wrong or incomplete, you can have us correct or complete it – ${contactEn(c)}.`,
    },
    erasure: {
      title: "Erasure",
      explain: (c) =>
        `You can have us erase your data when we no longer need it, you withdrew your consent or objected, or it was processed unlawfully, unless a law requires us to keep it – ${contactEn(c)}.`,
    },
    restriction: {
      title: "Restriction of processing",
      explain: (c) =>
        `While, for example, the accuracy of your data or the lawfulness of the processing is disputed, you can have us only store your data and not use it otherwise – ${contactEn(c)}.`,
    },
    portability: {
      title: "Data portability",
      explain: (c) =>
        `You can receive the data you gave us on the basis of consent or a contract in a structured, machine-readable format, or have us send it to another controller – ${contactEn(c)}.`,
    },
    objection: {
      title: "Objection",
      explain: (c) =>
        `On grounds relating to your particular situation you can object to processing based on legitimate interests or a public task; we then stop unless compelling legitimate grounds override your interests – ${contactEn(c)}.`,
    },
    objection_direct_marketing: {
      title: "Objection to direct marketing",
      explain: (c) =>
        `You can object to the use of your data for advertising at any time without giving reasons, and we will stop it – through the link in any of our marketing e-mails or ${contactEn(c)}.`,
    },
    withdraw_consent: {
      title: "Withdrawal of consent",
      explain: (c) =>
        `You can withdraw a consent at any time as easily as you gave it, with effect for the future; what happened until then remains lawful – on your personal page or ${contactEn(c)}.`,
    },
    complaint: {
      title: "Complaint to a supervisory authority",
      explain: (c) =>
        `You can lodge a complaint with a data protection supervisory authority, in particular in the member state where you live or work; the one competent for us is: ${authority(c)}.`,
    },
  },
  allFromYou: "All data was collected from you.",
  otherSources: (sources: string[]) =>
    `Not all data was collected from you. Other sources: ${listIn(sources, "and")}. The table of purposes shows where each purpose's data came from.`,
  noProfiling: "No automated decision-making, including profiling, takes place (Art. 22 GDPR).",
  profiling: (purposes: string[]) =>
    `For these purposes we evaluate your data automatically (profiling): ${listIn(purposes, "and")}. The description of each purpose above says what is done.`,
  legalBases: {
    consent: "Consent",
    contract: "Contract",
    legal_obligation: "Legal obligation",
    vital_interests: "Vital interests",
    public_task: "Public task",
    legitimate_interests: "Legitimate interests",
  },
  recordStates: {
    requested: "requested",
    granted: "granted",
    confirmed: "confirmed",
    withdrawn: "withdrawn",
    declined: "declined",
    expired: "expired",
    active: "active",
    ended: "ended",
    objected: "objected",
  },
  recordSources: {
    manual: "entered by us",
    microsite: "your personal page",
    signature: "your signature",
    email: "e-mail",
    phone: "phone",
    fax: "fax",
    letter: "letter",
    in_person: "in person",
    import: "an imported list",
    api: "a connected system (interface)",
  },
  safeguards: {
    adequacy_decision: "Adequacy decision of the European Commission",
    standard_contractual_clauses: "Standard contractual clauses",
    binding_corporate_rules: "Binding corporate rules",
    code_of_conduct: "Approved code of conduct",
    certification: "Approved certification",
    derogation: "Derogation for specific situations",
  },
  channels: { email: "e-mail", phone: "phone", post: "post", sms: "SMS", profiling: "profiling" },
  activityKinds: { call: "Call", meeting: "Meeting", email: "E-mail", note: "Note", task: "Task" },
  directions: { inbound: "inbound", outbound: "outbound" },
  documentKinds: {
    upload: "Upload",
    email: "E-mail",
    signature: "Signature",
    report: "Report",
    evidence: "Evidence",
  },
  contactKinds: {
    private: "private",
    work: "work",
    other: "other",
    home: "home",
    postal: "postal",
    landline: "landline",
    mobile: "mobile",
    fax: "fax",
  },
  actorTypes: { staff: "staff member", data_subject: "you", system: "system", api: "interface" },
  withheldActivities: {
    call: { one: "internal call", other: "internal calls" },
    meeting: { one: "internal meeting", other: "internal meetings" },
    email: { one: "internal e-mail", other: "internal e-mails" },
    note: { one: "internal note", other: "internal notes" },
    task: { one: "internal task", other: "internal tasks" },
  },
  withheldDocuments: {
    upload: { one: "internal uploaded document", other: "internal uploaded documents" },
    email: { one: "internal e-mail", other: "internal e-mails" },
    signature: { one: "internal signature", other: "internal signatures" },
    report: { one: "internal report", other: "internal reports" },
    evidence: { one: "internal evidence document", other: "internal evidence documents" },
  },
  withheld: (count, what) =>
    count === 1
      ? `1 ${what.one} was left out: it contains trade secrets or other people's data (Art. 15(4) GDPR).`
      : `${count} ${what.other} were left out: they contain trade secrets or other people's data (Art. 15(4) GDPR).`,
  erased: (kept) =>
    kept.length === 0
      ? "This person's data was erased (Art. 17 GDPR). Nothing about them is stored any more."
      : `This person's data was erased (Art. 17 GDPR). Nothing is stored any more except ${listIn(kept, "and")}, which a legal duty requires us to keep; they are restricted until that duty ends and erased then (Art. 17(3)(b),(e), 18 GDPR).`,
  erasedKept: {
    documents: (n) => (n === 1 ? "one document" : `${n} documents`),
    bankAccounts: (n) => (n === 1 ? "one bank account" : `${n} bank accounts`),
    evidence: (n) => (n === 1 ? "one proof of consent" : `${n} proofs of consent`),
    auditEntries: (n) => (n === 1 ? "one log entry without your data" : `${n} log entries without your data`),
  },
  masterData: {
    salutation: "Salutation",
    title: "Title",
    firstName: "First name",
    lastName: "Last name",
    birthday: "Birthday",
    jobTitle: "Job title",
    organizationName: "Organization",
    preferredLanguage: "Preferred language",
    createdAt: "Stored since",
    restricted: "Processing restricted (Art. 18 GDPR)",
    retentionManualUntil: "Retention set until",
    dmObjectionChannels: "Objection to advertising (Art. 21(2) GDPR) on",
    mailBlocks: "Contact blocked on",
  },
  languages: { de: "German", en: "English" },
  communication: {
    emails: "E-mail addresses",
    phones: "Phone numbers",
    addresses: "Addresses",
    primary: "preferred",
  },
  bank: { iban: "IBAN", bic: "BIC", holder: "Account holder", mandate: "Mandate reference" },
  activities: { duration: (minutes) => `${minutes} min` },
  documents: {
    name: "File name",
    kind: "Kind",
    size: "Size",
    date: "Date",
    attached: "Copies of these documents are attached to this report.",
    notAttached: "We will send you a copy of any document on request.",
  },
  relationships: {
    withPerson: "with another person (whose name is their data, Art. 15(4) GDPR)",
    with: (organization) => `with ${organization}`,
  },
  records: {
    version: (v) => `text version ${v}`,
    created: "created",
    confirmed: "confirmed",
    channels: "Channels",
    subjectCategories: "Group of persons",
    history: "History",
    evidence: "Evidence",
    noEvidence: "no evidence",
  },
  receipts: { to: "to" },
  audit: { by: "by" },
  visits: { via: "via" },
};
