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
import {
  type ActorType,
  authority,
  contactDe,
  type DurationUnit,
  listIn,
  type Plural,
} from "./report-text-parts.ts";

/** The access report's wording in German (see report-texts.ts). */
export const de = {
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
