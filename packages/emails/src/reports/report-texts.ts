import type {
  ActivityKind,
  Channel,
  DataSubjectRight,
  DocumentKind,
  Language,
  LegalBasis,
  RecordSource,
  RecordState,
  ReportController,
  ReportSection,
  TransferSafeguard,
} from "@purposeful/domain";

/**
 * The wording of the access report (Art. 15 GDPR) in both languages, shared by the PDF and the
 * portal's HTML preview: plain data and small functions, no i18n library. Art. 12(1): concise,
 * intelligible, in clear and plain language; each section names the paragraph it answers.
 */
type Plural = { one: string; other: string };
type ActorType = "staff" | "data_subject" | "system" | "api";
type DurationUnit = "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "seconds";

/** One line each, the address a user typed on several lines or with commas. */
const oneLine = (text: string) =>
  text
    .split(/\s*\n\s*/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(", ");

const listIn = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;

function contactDe(c: ReportController): string {
  const post = c.address ? `per Post an ${c.name}, ${oneLine(c.address)}` : "";
  const mail = c.email ? `per E-Mail an ${c.email}` : "";
  return [mail, post].filter(Boolean).join(" oder ");
}

function contactEn(c: ReportController): string {
  const post = c.address ? `by post to ${c.name}, ${oneLine(c.address)}` : "";
  const mail = c.email ? `by e-mail to ${c.email}` : "";
  return [mail, post].filter(Boolean).join(" or ");
}

const authority = (c: ReportController) =>
  [c.authorityName, oneLine(c.authorityAddress), c.authorityUrl].filter(Boolean).join(", ");

const de = {
  documentTitle: "Auskunft über Ihre personenbezogenen Daten",
  titleArticle: "Art. 15 DSGVO",
  subjectLabel: "Betroffene Person",
  erasedSubject: "(gelöscht)",
  dateLabel: "Datum",
  timeZoneNote: "Alle Uhrzeiten in deutscher Zeit (Europe/Berlin).",
  defaultIntro:
    "Sie haben Auskunft darüber verlangt, ob und welche personenbezogenen Daten wir über Sie verarbeiten. Im ersten Teil finden Sie die Informationen nach Art. 15 Abs. 1 und 2 DSGVO, im zweiten Teil eine Kopie Ihrer gespeicherten Daten (Art. 15 Abs. 3 DSGVO).",
  defaultOutro: (c: ReportController) =>
    `Wenn Sie Fragen zu dieser Auskunft haben oder eines Ihrer Rechte ausüben möchten, erreichen Sie uns ${contactDe(c)}.`,
  informationPart: "Teil 1: Informationen zur Verarbeitung",
  informationArticle: "Art. 15 Abs. 1, 2 DSGVO",
  copyPart: "Teil 2: Kopie Ihrer Daten",
  copyArticle: "Art. 15 Abs. 3 DSGVO",
  article: (article: string) => `${article} DSGVO`,
  page: (page: number, of: number) => `Seite ${page} von ${of}`,
  none: "Keine.",
  yes: "ja",
  no: "nein",
  sections: {
    controller: "Verantwortlicher, Datenschutzbeauftragte/r und Aufsichtsbehörde",
    purposes: "Zwecke und Rechtsgrundlagen",
    data_categories: "Kategorien Ihrer Daten",
    recipients: "Empfänger",
    third_country_transfers: "Übermittlung in Drittländer",
    storage_period: "Speicherdauer",
    rights: "Ihre Rechte",
    data_source: "Herkunft der Daten",
    automated_decisions: "Automatisierte Entscheidungen und Profiling",
    master_data: "Stammdaten",
    communication_data: "Kontaktdaten",
    bank_accounts: "Bankverbindungen",
    activities: "Kontakte und Aktivitäten",
    documents: "Dokumente",
    relationships: "Beziehungen",
    processing_records: "Verarbeitungen und Einwilligungen",
    consent_receipts: "Versandte Bestätigungen",
    audit_history: "Änderungsprotokoll",
    microsite_visits: "Besuche Ihrer persönlichen Seite",
  } satisfies Record<ReportSection, string>,
  controller: {
    controller: "Verantwortlicher",
    dpo: "Datenschutzbeauftragte/r",
    authority: "Zuständige Aufsichtsbehörde",
    email: "E-Mail",
    phone: "Telefon",
  },
  purposes: {
    purpose: "Zweck",
    legalBasis: "Rechtsgrundlage",
    storage: "Speicherdauer",
    source: "Herkunft",
    state: "Status",
    fromYou: "bei Ihnen erhoben",
  },
  dataCategoriesIntro: "Diese Kategorien personenbezogener Daten verarbeiten wir über Sie:",
  recipientsIntro: "Ihre Daten erhalten diese Empfänger oder Kategorien von Empfängern:",
  noRecipients: "Wir geben Ihre Daten an keine Empfänger weiter.",
  transfers: {
    none: "Wir übermitteln Ihre Daten nicht in Länder außerhalb des Europäischen Wirtschaftsraums.",
    intro:
      "Diese Empfänger sitzen außerhalb des Europäischen Wirtschaftsraums; die Übermittlung ist so abgesichert:",
    country: "Land",
    recipient: "Empfänger",
    purpose: "Zweck",
    safeguard: "Garantie",
  },
  storageIntro:
    "Wir speichern Ihre Daten je Zweck so lange, wie es hier steht; danach löschen wir sie, soweit keine gesetzliche Aufbewahrungspflicht entgegensteht.",
  storageUntil: (day: string) => `bis zum ${day}`,
  storageWhileBasis: (then: string | null) =>
    then ? `solange die Rechtsgrundlage besteht, danach noch ${then}` : "solange die Rechtsgrundlage besteht",
  durationUnits: {
    years: { one: "Jahr", other: "Jahre" },
    months: { one: "Monat", other: "Monate" },
    weeks: { one: "Woche", other: "Wochen" },
    days: { one: "Tag", other: "Tage" },
    hours: { one: "Stunde", other: "Stunden" },
    minutes: { one: "Minute", other: "Minuten" },
    seconds: { one: "Sekunde", other: "Sekunden" },
  } satisfies Record<DurationUnit, Plural>,
  and: "und",
  rightsIntro: "Diese Rechte haben Sie gegenüber uns. Die Ausübung ist kostenlos.",
  rights: {
    access: {
      title: "Auskunft",
      explain: (c: ReportController) =>
        `Sie können jederzeit erfragen, welche Daten wir über Sie speichern, und eine Kopie erhalten, so wie mit diesem Schreiben – ${contactDe(c)}.`,
    },
    rectification: {
      title: "Berichtigung",
      explain: (c: ReportController) =>
        `Sind Daten über Sie falsch oder unvollständig, können Sie verlangen, dass wir sie berichtigen oder ergänzen – ${contactDe(c)}.`,
    },
    erasure: {
      title: "Löschung",
      explain: (c: ReportController) =>
        `Sie können verlangen, dass wir Ihre Daten löschen, wenn wir sie nicht mehr brauchen, Sie Ihre Einwilligung widerrufen oder widersprochen haben oder die Verarbeitung unrechtmäßig war, soweit uns kein Gesetz zur Aufbewahrung verpflichtet – ${contactDe(c)}.`,
    },
    restriction: {
      title: "Einschränkung der Verarbeitung",
      explain: (c: ReportController) =>
        `Solange etwa die Richtigkeit Ihrer Daten oder die Rechtmäßigkeit der Verarbeitung strittig ist, können Sie verlangen, dass wir Ihre Daten nur noch speichern und sonst nicht nutzen – ${contactDe(c)}.`,
    },
    portability: {
      title: "Datenübertragbarkeit",
      explain: (c: ReportController) =>
        `Die Daten, die Sie uns aufgrund einer Einwilligung oder eines Vertrags gegeben haben, erhalten Sie auf Wunsch in einem strukturierten, maschinenlesbaren Format oder wir übermitteln sie an einen anderen Verantwortlichen – ${contactDe(c)}.`,
    },
    objection: {
      title: "Widerspruch",
      explain: (c: ReportController) =>
        `Aus Gründen, die sich aus Ihrer besonderen Situation ergeben, können Sie der Verarbeitung auf Grundlage berechtigter Interessen oder einer öffentlichen Aufgabe widersprechen; wir beenden sie dann, es sei denn, zwingende schutzwürdige Gründe überwiegen – ${contactDe(c)}.`,
    },
    objection_direct_marketing: {
      title: "Widerspruch gegen Direktwerbung",
      explain: (c: ReportController) =>
        `Der Nutzung Ihrer Daten für Werbung können Sie jederzeit ohne Begründung widersprechen, und wir stellen sie dann ein – über den Link in jeder unserer Werbe-E-Mails oder ${contactDe(c)}.`,
    },
    withdraw_consent: {
      title: "Widerruf einer Einwilligung",
      explain: (c: ReportController) =>
        `Eine Einwilligung können Sie jederzeit so einfach widerrufen, wie Sie sie erteilt haben, mit Wirkung für die Zukunft; was bis dahin geschah, bleibt rechtmäßig – auf Ihrer persönlichen Seite oder ${contactDe(c)}.`,
    },
    complaint: {
      title: "Beschwerde bei einer Aufsichtsbehörde",
      explain: (c: ReportController) =>
        `Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren, insbesondere in dem Mitgliedstaat, in dem Sie wohnen oder arbeiten; für uns zuständig ist: ${authority(c)}.`,
    },
  } satisfies Record<DataSubjectRight, { title: string; explain: (c: ReportController) => string }>,
  allFromYou: "Alle Daten haben wir bei Ihnen selbst erhoben.",
  otherSources: (sources: string[]) =>
    `Nicht alle Daten haben wir bei Ihnen erhoben. Weitere Quellen: ${listIn(sources, "und")}. Aus welcher Quelle die Daten eines Zwecks stammen, steht in der Tabelle der Zwecke.`,
  noProfiling:
    "Es findet keine automatisierte Entscheidungsfindung einschließlich Profiling statt (Art. 22 DSGVO).",
  profiling: (purposes: string[]) =>
    `Für diese Zwecke werten wir Ihre Daten automatisiert aus (Profiling): ${listIn(purposes, "und")}. Was dabei geschieht, beschreibt der jeweilige Zweck oben.`,
  legalBases: {
    consent: "Einwilligung",
    contract: "Vertrag",
    legal_obligation: "Rechtliche Verpflichtung",
    vital_interests: "Lebenswichtige Interessen",
    public_task: "Öffentliche Aufgabe",
    legitimate_interests: "Berechtigte Interessen",
  } satisfies Record<LegalBasis, string>,
  recordStates: {
    requested: "angefragt",
    granted: "erteilt",
    confirmed: "bestätigt",
    withdrawn: "widerrufen",
    declined: "abgelehnt",
    expired: "abgelaufen",
    active: "aktiv",
    ended: "beendet",
    objected: "widersprochen",
  } satisfies Record<RecordState, string>,
  recordSources: {
    manual: "von uns erfasst",
    microsite: "Ihre persönliche Seite",
    signature: "Ihre Unterschrift",
    email: "E-Mail",
    phone: "Telefon",
    fax: "Fax",
    letter: "Brief",
    in_person: "persönlich",
    import: "importierte Liste",
    api: "angebundenes System (Schnittstelle)",
  } satisfies Record<RecordSource, string>,
  safeguards: {
    adequacy_decision: "Angemessenheitsbeschluss der EU-Kommission",
    standard_contractual_clauses: "Standardvertragsklauseln",
    binding_corporate_rules: "Verbindliche interne Datenschutzvorschriften",
    code_of_conduct: "Genehmigte Verhaltensregeln",
    certification: "Genehmigte Zertifizierung",
    derogation: "Ausnahme für bestimmte Fälle",
  } satisfies Record<TransferSafeguard, string>,
  channels: {
    email: "E-Mail",
    phone: "Telefon",
    post: "Post",
    sms: "SMS",
    profiling: "Profiling",
  } satisfies Record<Channel, string>,
  activityKinds: {
    call: "Anruf",
    meeting: "Termin",
    email: "E-Mail",
    note: "Notiz",
    task: "Aufgabe",
  } satisfies Record<ActivityKind, string>,
  directions: { inbound: "eingehend", outbound: "ausgehend" },
  documentKinds: {
    upload: "Upload",
    email: "E-Mail",
    signature: "Unterschrift",
    report: "Bericht",
    evidence: "Nachweis",
  } satisfies Record<DocumentKind, string>,
  contactKinds: {
    private: "privat",
    work: "beruflich",
    other: "sonstige",
    home: "Wohnadresse",
    postal: "Postanschrift",
    landline: "Festnetz",
    mobile: "Mobil",
    fax: "Fax",
  } as Record<string, string>,
  actorTypes: {
    staff: "Mitarbeiter/in",
    data_subject: "Sie selbst",
    system: "System",
    api: "Schnittstelle",
  } satisfies Record<ActorType, string>,
  withheldActivities: {
    call: { one: "interner Anruf", other: "interne Anrufe" },
    meeting: { one: "interner Termin", other: "interne Termine" },
    email: { one: "interne E-Mail", other: "interne E-Mails" },
    note: { one: "interne Notiz", other: "interne Notizen" },
    task: { one: "interne Aufgabe", other: "interne Aufgaben" },
  } satisfies Record<ActivityKind, Plural>,
  withheldDocuments: {
    upload: { one: "internes hochgeladenes Dokument", other: "interne hochgeladene Dokumente" },
    email: { one: "interne E-Mail", other: "interne E-Mails" },
    signature: { one: "interne Unterschrift", other: "interne Unterschriften" },
    report: { one: "interner Bericht", other: "interne Berichte" },
    evidence: { one: "interner Nachweis", other: "interne Nachweise" },
  } satisfies Record<DocumentKind, Plural>,
  // Art. 15(4) GDPR: the report says that something was left out, and why.
  withheld: (count: number, what: Plural) =>
    `${count} ${count === 1 ? `${what.one} wurde` : `${what.other} wurden`} weggelassen, da Geschäftsgeheimnisse oder Daten anderer Personen darin stehen (Art. 15 Abs. 4 DSGVO).`,
  // Art. 17 GDPR: after a level-3 erasure only what a retention duty holds is left (Art. 17(3)(b),(e)).
  erased: (kept: string[]) =>
    kept.length === 0
      ? "Die Daten dieser Person wurden gelöscht (Art. 17 DSGVO). Über sie ist nichts mehr gespeichert."
      : `Die Daten dieser Person wurden gelöscht (Art. 17 DSGVO). Gespeichert ist nichts mehr außer ${listIn(kept, "und")}: Diese müssen wir aufgrund einer gesetzlichen Pflicht aufbewahren; sie sind bis zu deren Ende gesperrt und werden danach gelöscht (Art. 17 Abs. 3 lit. b, e, Art. 18 DSGVO).`,
  erasedKept: {
    documents: (n: number) => (n === 1 ? "einem Dokument" : `${n} Dokumenten`),
    bankAccounts: (n: number) => (n === 1 ? "einer Bankverbindung" : `${n} Bankverbindungen`),
    evidence: (n: number) => (n === 1 ? "einem Einwilligungsnachweis" : `${n} Einwilligungsnachweisen`),
    auditEntries: (n: number) =>
      n === 1 ? "einem Protokolleintrag ohne Ihre Daten" : `${n} Protokolleinträgen ohne Ihre Daten`,
  },
  masterData: {
    salutation: "Anrede",
    title: "Titel",
    firstName: "Vorname",
    lastName: "Nachname",
    birthday: "Geburtstag",
    jobTitle: "Position",
    organizationName: "Organisation",
    preferredLanguage: "Bevorzugte Sprache",
    createdAt: "Gespeichert seit",
    restricted: "Verarbeitung eingeschränkt (Art. 18 DSGVO)",
    retentionManualUntil: "Aufbewahrung festgelegt bis",
    dmObjectionChannels: "Widerspruch gegen Werbung (Art. 21 Abs. 2 DSGVO) auf",
    mailBlocks: "Kontakt gesperrt auf",
  },
  languages: { de: "Deutsch", en: "Englisch" } satisfies Record<Language, string>,
  communication: {
    emails: "E-Mail-Adressen",
    phones: "Telefonnummern",
    addresses: "Anschriften",
    primary: "bevorzugt",
  },
  bank: { iban: "IBAN", bic: "BIC", holder: "Kontoinhaber/in", mandate: "Mandatsreferenz" },
  activities: { duration: (minutes: string) => `${minutes} Min.` },
  documents: {
    name: "Dateiname",
    kind: "Art",
    size: "Größe",
    date: "Datum",
    attached: "Kopien dieser Dokumente liegen dieser Auskunft bei.",
    notAttached: "Eine Kopie eines Dokuments senden wir Ihnen auf Anfrage.",
  },
  relationships: {
    withPerson: "mit einer anderen Person (deren Name ist deren Daten, Art. 15 Abs. 4 DSGVO)",
    with: (organization: string) => `mit ${organization}`,
  },
  records: {
    version: (v: number) => `Textversion ${v}`,
    created: "angelegt",
    confirmed: "bestätigt",
    channels: "Kanäle",
    subjectCategories: "Personengruppe",
    history: "Verlauf",
    evidence: "Nachweise",
    noEvidence: "keine Nachweise",
  },
  receipts: { to: "an" },
  audit: { by: "durch" },
  visits: { via: "über" },
};

const en: typeof de = {
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

export type AccessReportTexts = typeof de;

/** The report's wording by language, for the PDF and the portal's preview alike. */
export const accessReportTexts = { de, en } satisfies Record<Language, AccessReportTexts>;

const durationPattern =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const durationUnits: DurationUnit[] = ["years", "months", "weeks", "days", "hours", "minutes", "seconds"];

/**
 * An ISO 8601 duration (a purpose's storage period) in words: "P2Y6M" → "2 Jahre und 6 Monate" /
 * "2 years and 6 months"; "" for a zero duration, null for one that is not a duration.
 */
export function durationInWords(period: string, language: Language): string | null {
  const match = durationPattern.exec(period);
  if (!match || period === "P" || period.endsWith("T")) return null;
  const t = accessReportTexts[language];
  const parts = durationUnits.flatMap((unit, i) => {
    const n = Number(match[i + 1] ?? 0);
    return n === 0 ? [] : [`${n} ${n === 1 ? t.durationUnits[unit].one : t.durationUnits[unit].other}`];
  });
  return listIn(parts, t.and);
}

/** Art. 15(1)(d): one purpose's storage period as a phrase; `formatDay` turns YYYY-MM-DD into a date. */
export function storagePeriodInWords(
  storage: { kind: "until"; date: string } | { kind: "while_basis_then"; period: string },
  language: Language,
  formatDay: (day: string) => string,
): string {
  const t = accessReportTexts[language];
  if (storage.kind === "until") return t.storageUntil(formatDay(storage.date));
  const words = durationInWords(storage.period, language);
  return t.storageWhileBasis(words === null ? storage.period : words || null);
}
