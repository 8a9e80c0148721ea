import type { Language, RiskLevel } from "@purposeful/domain";

/** The words of the notification to the supervisory authority (Art. 33 GDPR), per language. */
export interface AuthorityNotificationTexts {
  documentTitle: string;
  titleArticle: string;
  numberLabel: string;
  dateLabel: string;
  toLabel: string;
  intro: string;
  article: (reference: string) => string;
  controller: string;
  name: string;
  address: string;
  email: string;
  phone: string;
  dpo: string;
  contactPoint: string;
  nature: string;
  title: string;
  description: string;
  categories: string;
  subjects: string;
  records: string;
  approx: (n: number) => string;
  linked: (n: number) => string;
  unknown: string;
  timing: string;
  occurredAt: string;
  awareAt: string;
  discoveredBy: string;
  deadline: string;
  notifiedAt: string;
  consequences: string;
  measures: string;
  measuresNote: string;
  notStated: string;
  risk: string;
  riskLevel: string;
  riskLevels: Record<RiskLevel, string>;
  notAssessed: string;
  riskReasons: string;
  assessedAt: string;
  subjectsNotifiedAt: string;
  notificationException: string;
  delay: string;
  delayText: string;
  delayMissing: string;
  phases: string;
  phasesText: string;
  page: (page: number, pages: number) => string;
}

const de: AuthorityNotificationTexts = {
  documentTitle: "Meldung einer Verletzung des Schutzes personenbezogener Daten",
  titleArticle: "Art. 33 DSGVO",
  numberLabel: "Vorgang",
  dateLabel: "Erstellt am",
  toLabel: "An die Aufsichtsbehörde",
  intro:
    "Hiermit melden wir als Verantwortlicher eine Verletzung des Schutzes personenbezogener Daten nach Art. 33 Abs. 1 DSGVO mit den Angaben nach Art. 33 Abs. 3 DSGVO.",
  article: (reference) => `Art. ${reference} DSGVO`,
  controller: "Verantwortlicher und Datenschutzbeauftragter",
  name: "Name",
  address: "Anschrift",
  email: "E-Mail",
  phone: "Telefon",
  dpo: "Datenschutzbeauftragte(r)",
  contactPoint: "Anlaufstelle für diesen Vorfall",
  nature: "Art der Verletzung",
  title: "Bezeichnung",
  description: "Beschreibung",
  categories: "Kategorien personenbezogener Daten",
  subjects: "Ungefähre Zahl der betroffenen Personen",
  records: "Ungefähre Zahl der betroffenen Datensätze",
  approx: (n) => `ca. ${n.toLocaleString("de-DE")}`,
  linked: (n) => `davon namentlich zugeordnet: ${n.toLocaleString("de-DE")}`,
  unknown: "noch nicht bekannt",
  timing: "Zeitpunkte",
  occurredAt: "Eingetreten am",
  awareAt: "Bekannt geworden am",
  discoveredBy: "Entdeckt durch",
  deadline: "Meldefrist (72 Stunden)",
  notifiedAt: "Gemeldet am",
  consequences: "Wahrscheinliche Folgen",
  measures: "Ergriffene oder vorgeschlagene Maßnahmen",
  measuresNote:
    "Maßnahmen zur Behebung der Verletzung und gegebenenfalls zur Abmilderung ihrer möglichen nachteiligen Auswirkungen.",
  notStated: "Noch nicht angegeben; wird nachgereicht (Art. 33 Abs. 4 DSGVO).",
  risk: "Risikobewertung",
  riskLevel: "Ergebnis",
  riskLevels: {
    none: "voraussichtlich kein Risiko für die Rechte und Freiheiten natürlicher Personen",
    risk: "Risiko für die Rechte und Freiheiten natürlicher Personen",
    high: "voraussichtlich hohes Risiko für die Rechte und Freiheiten natürlicher Personen",
  },
  notAssessed: "noch nicht bewertet",
  riskReasons: "Begründung",
  assessedAt: "Bewertet am",
  subjectsNotifiedAt: "Betroffene benachrichtigt am (Art. 34 DSGVO)",
  notificationException: "Keine Benachrichtigung der Betroffenen, weil (Art. 34 Abs. 3 DSGVO)",
  delay: "Gründe für die Verzögerung",
  delayText: "Die Meldung erfolgt nach Ablauf von 72 Stunden, nachdem uns die Verletzung bekannt wurde.",
  delayMissing: "Die Gründe für die Verzögerung sind noch anzugeben.",
  phases: "Schrittweise Information",
  phasesText:
    "Soweit Informationen nicht zur gleichen Zeit bereitgestellt werden können, stellen wir sie ohne unangemessene weitere Verzögerung schrittweise zur Verfügung.",
  page: (page, pages) => `Seite ${page} von ${pages}`,
};

const en: AuthorityNotificationTexts = {
  documentTitle: "Notification of a personal data breach",
  titleArticle: "Art. 33 GDPR",
  numberLabel: "Case",
  dateLabel: "Drawn up on",
  toLabel: "To the supervisory authority",
  intro:
    "As the controller, we hereby notify a personal data breach under Art. 33(1) GDPR with the information required by Art. 33(3) GDPR.",
  article: (reference) => `Art. ${reference} GDPR`,
  controller: "Controller and data protection officer",
  name: "Name",
  address: "Address",
  email: "E-mail",
  phone: "Phone",
  dpo: "Data protection officer",
  contactPoint: "Contact point for this breach",
  nature: "Nature of the breach",
  title: "Title",
  description: "Description",
  categories: "Categories of personal data",
  subjects: "Approximate number of data subjects concerned",
  records: "Approximate number of personal data records concerned",
  approx: (n) => `approx. ${n.toLocaleString("en-GB")}`,
  linked: (n) => `of whom identified by name: ${n.toLocaleString("en-GB")}`,
  unknown: "not yet known",
  timing: "Dates and times",
  occurredAt: "Occurred on",
  awareAt: "Became aware on",
  discoveredBy: "Discovered by",
  deadline: "Notification deadline (72 hours)",
  notifiedAt: "Notified on",
  consequences: "Likely consequences",
  measures: "Measures taken or proposed",
  measuresNote:
    "Measures taken or proposed to address the breach, including, where appropriate, measures to mitigate its possible adverse effects.",
  notStated: "Not yet stated; to be provided later (Art. 33(4) GDPR).",
  risk: "Risk assessment",
  riskLevel: "Outcome",
  riskLevels: {
    none: "unlikely to result in a risk to the rights and freedoms of natural persons",
    risk: "a risk to the rights and freedoms of natural persons",
    high: "likely to result in a high risk to the rights and freedoms of natural persons",
  },
  notAssessed: "not yet assessed",
  riskReasons: "Reasons",
  assessedAt: "Assessed on",
  subjectsNotifiedAt: "Data subjects notified on (Art. 34 GDPR)",
  notificationException: "Data subjects not notified because (Art. 34(3) GDPR)",
  delay: "Reasons for the delay",
  delayText: "This notification is made more than 72 hours after we became aware of the breach.",
  delayMissing: "The reasons for the delay are still to be given.",
  phases: "Information in phases",
  phasesText:
    "Where information cannot be provided at the same time, we will provide it in phases without undue further delay.",
  page: (page, pages) => `Page ${page} of ${pages}`,
};

export const authorityNotificationTexts: Record<Language, AuthorityNotificationTexts> = { de, en };
