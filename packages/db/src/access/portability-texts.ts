import type { Language } from "@purposeful/domain";

/** The CSV files of the export, each with what it holds (README.txt lists them in this order). */
export const portabilityCsvFiles = [
  "person.csv",
  "emails.csv",
  "phones.csv",
  "addresses.csv",
  "bank-accounts.csv",
  "consents.csv",
] as const;
export type PortabilityCsvFile = (typeof portabilityCsvFiles)[number];

interface Texts {
  title: string;
  controller: (name: string) => string;
  exportedAt: (day: string) => string;
  intro: string;
  /** scope.note when the right applies / does not apply (Art. 20(1)(a)) */
  covered: string;
  notCovered: string;
  filesHeading: string;
  exportJson: string;
  schemaJson: string;
  csv: Record<PortabilityCsvFile, string>;
  csvFormat: string;
  questions: (contact: string) => string;
}

/**
 * The wording of README.txt and of `scope.note` in the person's language. Art. 12(1) GDPR: concise,
 * intelligible, plain language; Art. 20(1): the person is to be able to hand the files on.
 */
export const portabilityTexts = {
  de: {
    title: "Ihre Daten – Recht auf Datenübertragbarkeit (Art. 20 DSGVO)",
    controller: (name) => `Verantwortlicher: ${name}`,
    exportedAt: (day) => `Erstellt am: ${day}`,
    intro:
      "Diese ZIP-Datei enthält die Daten, die Sie uns selbst gegeben haben und die wir aufgrund Ihrer Einwilligung oder eines Vertrags mit Ihnen verarbeiten, in einem strukturierten, gängigen und maschinenlesbaren Format. Sie können sie behalten oder an eine andere Stelle weitergeben.",
    covered:
      "Enthalten sind Ihre Stamm- und Kontaktdaten, Bankverbindungen und Ihre Einwilligungen und Verträge (auch widerrufene), denn mindestens eine Verarbeitung beruht auf Ihrer Einwilligung oder einem Vertrag (Art. 20 Abs. 1 lit. a DSGVO). Nicht enthalten sind Daten, die wir selbst abgeleitet oder notiert haben (z. B. Einstufungen, Gesprächsnotizen, Dokumente, Protokolle), und Verarbeitungen aufgrund einer rechtlichen Verpflichtung oder eines berechtigten Interesses. Eine Kopie aller gespeicherten Daten erhalten Sie mit einem Auskunftsersuchen (Art. 15 DSGVO).",
    notCovered:
      "Keine Verarbeitung Ihrer Daten beruht auf Ihrer Einwilligung oder einem Vertrag mit Ihnen. Das Recht auf Datenübertragbarkeit gilt nur für solche Verarbeitungen (Art. 20 Abs. 1 lit. a DSGVO); die Dateien sind deshalb leer. Eine Kopie aller gespeicherten Daten erhalten Sie mit einem Auskunftsersuchen (Art. 15 DSGVO).",
    filesHeading: "Die Dateien",
    exportJson:
      "export.json – alle Daten in einer Datei (JSON, UTF-8), aufgebaut wie in schema.json beschrieben",
    schemaJson: "schema.json – die Beschreibung des Formats von export.json (JSON Schema, Version 2020-12)",
    csv: {
      "person.csv": "person.csv – Ihre Stammdaten: Anrede, Titel, Name, Geburtstag, Position, Sprache",
      "emails.csv": "emails.csv – Ihre E-Mail-Adressen",
      "phones.csv": "phones.csv – Ihre Telefonnummern",
      "addresses.csv": "addresses.csv – Ihre Postanschriften",
      "bank-accounts.csv": "bank-accounts.csv – Ihre Bankverbindungen",
      "consents.csv":
        "consents.csv – Ihre Einwilligungen und Verträge: Zweck, Rechtsgrundlage, Status, Herkunft und Zeitpunkte",
    },
    csvFormat:
      "Die CSV-Dateien sind kommagetrennt und UTF-8-kodiert (mit BOM, damit Tabellenprogramme Umlaute richtig zeigen); die erste Zeile nennt die Spalten wie in schema.json. Beginnt ein Wert mit =, +, - oder @, steht ein Apostroph davor, damit ein Tabellenprogramm ihn nicht als Formel ausführt. Zeitpunkte sind in UTC angegeben (ISO 8601).",
    questions: (contact) => `Fragen zu Ihren Daten: ${contact}`,
  },
  en: {
    title: "Your data – right to data portability (Art. 20 GDPR)",
    controller: (name) => `Controller: ${name}`,
    exportedAt: (day) => `Created on: ${day}`,
    intro:
      "This ZIP file holds the data you gave us yourself and that we process on the basis of your consent or a contract with you, in a structured, commonly used and machine-readable format. You may keep it or pass it on to someone else.",
    covered:
      "It contains your master and contact data, bank accounts and your consents and contracts (withdrawn ones too), because at least one processing is based on your consent or a contract (Art. 20(1)(a) GDPR). It does not contain data we derived or noted ourselves (such as ratings, call notes, documents, logs), nor processing based on a legal obligation or a legitimate interest. A copy of all data stored about you is available with a request for access (Art. 15 GDPR).",
    notCovered:
      "None of the processing of your data is based on your consent or a contract with you. The right to data portability covers only such processing (Art. 20(1)(a) GDPR), so the files are empty. A copy of all data stored about you is available with a request for access (Art. 15 GDPR).",
    filesHeading: "The files",
    exportJson: "export.json – all the data in one file (JSON, UTF-8), structured as schema.json describes",
    schemaJson: "schema.json – the description of the format of export.json (JSON Schema, version 2020-12)",
    csv: {
      "person.csv": "person.csv – your master data: salutation, title, name, birthday, position, language",
      "emails.csv": "emails.csv – your e-mail addresses",
      "phones.csv": "phones.csv – your phone numbers",
      "addresses.csv": "addresses.csv – your postal addresses",
      "bank-accounts.csv": "bank-accounts.csv – your bank accounts",
      "consents.csv":
        "consents.csv – your consents and contracts: purpose, legal basis, state, source and dates",
    },
    csvFormat:
      "The CSV files are comma-separated and UTF-8 encoded (with a BOM, so spreadsheet programs show accented letters correctly); the first row names the columns as schema.json does. A value starting with =, +, - or @ has an apostrophe in front, so that a spreadsheet program does not run it as a formula. Times are in UTC (ISO 8601).",
    questions: (contact) => `Questions about your data: ${contact}`,
  },
} satisfies Record<Language, Texts>;
