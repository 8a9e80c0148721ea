import type { DomainErrorReason, Language } from "@purposeful/domain";

import { caseReasonMessages } from "./domain-error-messages-cases";

export type Localized = Record<Language, string>;

/**
 * The one message per domain reason, in both languages. Keyed by the domain's type, so a new reason
 * does not compile until it has its message.
 */
export const domainReasonMessages: Record<DomainErrorReason, Localized> = {
  person_not_found: {
    de: "Diese Person gibt es nicht (mehr).",
    en: "This person does not exist (any more).",
  },
  purpose_not_found: { de: "Diesen Zweck gibt es nicht.", en: "This purpose does not exist." },
  organization_not_found: {
    de: "Diese Organisation gibt es nicht.",
    en: "This organization does not exist.",
  },
  person_email_not_found: {
    de: "Diese E-Mail-Adresse gibt es nicht (mehr).",
    en: "This e-mail address does not exist (any more).",
  },
  person_phone_not_found: {
    de: "Diese Telefonnummer gibt es nicht (mehr).",
    en: "This phone number does not exist (any more).",
  },
  person_address_not_found: {
    de: "Diese Anschrift gibt es nicht (mehr).",
    en: "This address does not exist (any more).",
  },
  document_not_found: { de: "Dieses Dokument gibt es nicht.", en: "This document does not exist." },
  bank_account_not_found: {
    de: "Diese Bankverbindung gibt es nicht (mehr).",
    en: "This bank account does not exist (any more).",
  },
  retention_duty_not_found: {
    de: "Diese Aufbewahrungspflicht ist unbekannt.",
    en: "This retention duty is unknown.",
  },
  evidence_not_found: {
    de: "Der Nachweis gehört nicht zu dieser Person oder existiert nicht.",
    en: "The evidence does not belong to this person or does not exist.",
  },
  list_not_found: { de: "Diese Liste gibt es nicht (mehr).", en: "This list does not exist (any more)." },
  list_name_invalid: {
    de: "Der Name der Liste muss 1 bis 200 Zeichen lang sein.",
    en: "The list name must be 1 to 200 characters long.",
  },
  csv_mapping_invalid: {
    de: "Die Zuordnung nennt eine Spalte, die es in der Datei nicht gibt. Es wurde nichts übernommen.",
    en: "The mapping names a column the file does not have. Nothing was imported.",
  },
  too_many_ids: {
    de: "Bitte wählen Sie höchstens 10.000 Personen auf einmal.",
    en: "Please select at most 10,000 persons at once.",
  },
  csv_empty: {
    de: "Die Datei ist leer oder enthält nur eine Kopfzeile. Es wurde nichts übernommen.",
    en: "The file is empty or has only a header row. Nothing was imported.",
  },
  csv_too_large: {
    de: "Die Datei ist größer als 5 MB. Bitte teilen Sie sie auf. Es wurde nichts übernommen.",
    en: "The file is larger than 5 MB. Please split it. Nothing was imported.",
  },
  csv_wrong_delimiter: {
    de: "Die Spalten sind nicht durch Komma oder Semikolon getrennt. Bitte speichern Sie die Datei als CSV mit Komma oder Semikolon. Es wurde nichts übernommen.",
    en: "The columns are not separated by comma or semicolon. Please save the file as CSV with comma or semicolon. Nothing was imported.",
  },
  csv_no_email_column: {
    de: "Die Datei hat keine Spalte für die E-Mail-Adresse. Bitte ordnen Sie eine Spalte der E-Mail-Adresse zu. Es wurde nichts übernommen.",
    en: "The file has no column for the e-mail address. Please map a column to the e-mail address. Nothing was imported.",
  },
  invalid_date: { de: "Das Datum ist ungültig.", en: "The date is not valid." },
  invalid_time_zone: { de: "Die Zeitzone ist unbekannt.", en: "The time zone is unknown." },
  invalid_holiday_calendar: {
    de: "Der Feiertagskalender ist unbekannt.",
    en: "The holiday calendar is unknown.",
  },
  invalid_age_of_consent: {
    de: "Das Einwilligungsalter muss zwischen 13 und 16 liegen (Art. 8 DSGVO).",
    en: "The age of consent must be between 13 and 16 (Art. 8 GDPR).",
  },
  invalid_email: { de: "Das ist keine gültige E-Mail-Adresse.", en: "This is not a valid e-mail address." },
  invalid_field: {
    de: "Ein Feld ist ungültig; bitte prüfen Sie die Eingabe.",
    en: "A field is not valid; please check the input.",
  },
  invalid_purpose: {
    de: "Die Angaben zum Zweck sind unvollständig oder ungültig.",
    en: "The purpose's details are incomplete or not valid.",
  },
  material_without_text_change: {
    de: "Eine wesentliche Änderung braucht einen geänderten Text oder einen erweiterten Zweck.",
    en: "A material change needs a changed text or a widened purpose.",
  },
  default_basis_not_allowed: {
    de: "Die Standard-Rechtsgrundlage muss zu den zulässigen Rechtsgrundlagen des Zwecks gehören.",
    en: "The default legal basis must be one of the purpose's allowed legal bases.",
  },
  document_empty: { de: "Die Datei ist leer.", en: "The file is empty." },
  document_too_large: { de: "Die Datei ist größer als 10 MB.", en: "The file is larger than 10 MB." },
  not_shown: {
    de: "Es kann nur in gezeigte Zwecke eingewilligt werden.",
    en: "Only purposes shown can be consented to.",
  },
  no_consent_purposes: {
    de: "Keiner der gewählten Zwecke beruht auf einer Einwilligung.",
    en: "None of the chosen purposes rests on consent.",
  },
  include_refusals_dpo_only: {
    de: "Nur die oder der Datenschutzbeauftragte darf Personen erneut fragen, die abgelehnt, widerrufen oder widersprochen haben.",
    en: "Only the data protection officer may ask again people who declined, withdrew or objected.",
  },
  campaign_not_found: {
    de: "Diese Einwilligungsanfrage gibt es nicht (mehr).",
    en: "This consent request does not exist (any more).",
  },
  no_email_address: {
    de: "Die Person hat keine E-Mail-Adresse.",
    en: "The person has no e-mail address.",
  },
  purpose_not_signable: {
    de: "Dieser Zweck kann nicht per Unterschrift erteilt werden.",
    en: "This purpose cannot be granted by signature.",
  },
  invalid_cursor: {
    de: "Die Seite ist nicht mehr gültig; bitte neu laden.",
    en: "This page is no longer valid; please reload.",
  },
  transition_not_allowed: {
    de: "Das ist in diesem Zustand nicht möglich.",
    en: "This is not possible in the current state.",
  },
  purpose_inactive: {
    de: "Dieser Zweck wird nicht mehr verfolgt.",
    en: "This purpose is no longer pursued.",
  },
  basis_not_allowed: {
    de: "Dieser Zweck erlaubt diese Rechtsgrundlage nicht.",
    en: "This purpose does not allow this legal basis.",
  },
  confirm_only_by_data_subject: {
    de: "Ein Double-Opt-in bestätigt nur die Person selbst über ihren Bestätigungslink.",
    en: "Only the person can confirm a double opt-in, through their confirmation link.",
  },
  given_in_future: {
    de: "Das Datum der Einwilligung darf nicht in der Zukunft liegen.",
    en: "The date of the consent cannot be in the future.",
  },
  version_unknown: { de: "Diese Textversion gibt es nicht.", en: "This text version does not exist." },
  version_not_live: {
    de: "Diese Textversion war an diesem Tag noch nicht veröffentlicht.",
    en: "This text version was not yet published on that day.",
  },
  parental_consent_required: {
    de: "Die Person ist unter dem Einwilligungsalter: Fügen Sie die Einwilligung der Eltern als Nachweis bei und nennen Sie, wer sie erteilt hat (Art. 8 DSGVO).",
    en: "The person is below the age of consent: attach the parents' consent as evidence and name who gave it (Art. 8 GDPR).",
  },
  refusal_not_confirmed: {
    de: "Die Person hat zu einem der Zwecke Nein gesagt. Kreuzen Sie ihn ausdrücklich an, wenn Sie erneut fragen wollen.",
    en: "The person said no to one of the purposes. Tick it explicitly if you want to ask again.",
  },
  person_erased: { de: "Die Person wurde anonymisiert.", en: "The person was anonymized." },
  erased: { de: "Die Person wurde gelöscht.", en: "The person was erased." },
  restricted: {
    de: "Die Verarbeitung ist eingeschränkt (Art. 18 DSGVO).",
    en: "Processing is restricted (Art. 18 GDPR).",
  },
  mail_block: {
    de: "Für diese Person ist der Kontakt per E-Mail gesperrt.",
    en: "E-mail contact is blocked for this person.",
  },
  direct_marketing_objection: {
    de: "Die Person hat der Direktwerbung per E-Mail widersprochen (Art. 21 DSGVO); eine Einwilligungsanfrage ist selbst Werbung.",
    en: "The person objected to direct marketing by e-mail (Art. 21 GDPR); a consent request is itself advertising.",
  },
  email_exists: {
    de: "Diese Person hat diese E-Mail-Adresse bereits.",
    en: "This person already has this e-mail address.",
  },
  staff_email_taken: {
    de: "Diese E-Mail-Adresse ist bereits vergeben.",
    en: "This e-mail address is already in use.",
  },
  purpose_key_taken: {
    de: "Ein Zweck mit diesem Schlüssel existiert bereits.",
    en: "A purpose with this key already exists.",
  },
  purpose_changed: {
    de: "Der Zweck hat sich geändert; bitte neu laden.",
    en: "The purpose has changed; please reload.",
  },
  text_changed: {
    de: "Der Text hat sich geändert; bitte neu laden.",
    en: "The text has changed; please reload.",
  },
  document_forbidden: {
    de: "Dieses Dokument dürfen nur die Datenschutzbeauftragten, Admins und die Person öffnen, die es hochgeladen hat.",
    en: "Only data protection officers, admins and the person who uploaded it may open this document.",
  },
  legal_hold: {
    de: "Eine gesetzliche Aufbewahrungspflicht verhindert das.",
    en: "A legal retention duty prevents this.",
  },
  erasure_level_invalid: {
    de: "Diese Löschstufe gibt es nicht (1, 2 oder 3).",
    en: "There is no such erasure level (1, 2 or 3).",
  },
  erasure_reason_required: {
    de: "Bitte einen Grund für die Löschung wählen.",
    en: "Please choose a reason for the erasure.",
  },
  erasure_role_too_low: {
    de: "Für diese Löschstufe fehlt Ihnen die Berechtigung (Stufe 2: Marketing, Stufe 3: Datenschutzbeauftragte).",
    en: "Your role may not run this erasure level (level 2: marketing, level 3: data protection officer).",
  },
  already_erased: {
    de: "Die Person ist bereits auf dieser oder einer höheren Stufe gelöscht.",
    en: "This person is already erased at this level or a higher one.",
  },
  erasure_not_found: {
    de: "Diese Löschung gibt es nicht.",
    en: "This erasure does not exist.",
  },
  suppressed_address: {
    de: "Ein gelöschter Kontakt hat diese E-Mail-Adresse verwendet.",
    en: "An erased contact used this e-mail address.",
  },
  suppression_override_dpo_only: {
    de: "Nur Datenschutzbeauftragte dürfen eine gesperrte Adresse trotzdem verwenden.",
    en: "Only a data protection officer may use a suppressed address anyway.",
  },
  restriction_reason_required: {
    de: "Bitte einen Grund für die Einschränkung angeben.",
    en: "Please give a reason for the restriction.",
  },
  already_restricted: {
    de: "Die Verarbeitung ist bereits eingeschränkt.",
    en: "Processing is already restricted.",
  },
  not_restricted: {
    de: "Die Verarbeitung ist nicht eingeschränkt.",
    en: "Processing is not restricted.",
  },
  restricted_processing: {
    de: "Die Verarbeitung ist eingeschränkt (Art. 18 DSGVO); das ist nur mit Einwilligung oder zur Beendigung erlaubt.",
    en: "Processing is restricted (Art. 18 GDPR); only consents and ending a processing are allowed.",
  },
  invalid_retention_date: {
    de: "Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.",
    en: "Please enter a valid date as YYYY-MM-DD.",
  },
  retention_reason_required: {
    de: "Bitte einen Grund für das Aufbewahrungsdatum angeben.",
    en: "Please give a reason for the retention date.",
  },
  retention_not_under_review: {
    de: "Dieser Kontakt liegt nicht (mehr) zur Prüfung vor.",
    en: "This contact is not (or no longer) queued for review.",
  },
  retention_postpone_not_future: {
    de: "Bitte ein Datum nach dem heutigen Tag wählen.",
    en: "Please choose a date after today.",
  },
  report_template_invalid: {
    de: "Die Vorlage enthält einen unbekannten Abschnitt oder eine unbekannte Art.",
    en: "The template names an unknown section or kind.",
  },
  report_template_hides_required_section: {
    de: "Art. 15 DSGVO verlangt diesen Abschnitt in jeder Auskunft: Zwecke, Empfänger, Speicherdauer, Rechte und der Verantwortliche bleiben immer enthalten.",
    en: "Art. 15 GDPR requires this section in every report: the purposes, recipients, storage period, rights and the controller always stay in.",
  },
  report_template_not_found: {
    de: "Diese Berichtsvorlage gibt es nicht (mehr).",
    en: "This report template does not exist (any more).",
  },
  access_report_not_found: {
    de: "Diesen Auskunftsbericht gibt es nicht (mehr).",
    en: "This access report does not exist (any more).",
  },
  report_attachments_need_link: {
    de: "Diese Auskunft hängt Dokumente an und kann daher nicht als E-Mail-Anhang gehen. Bitte senden Sie sie per Link.",
    en: "This report attaches documents, so it cannot go as an e-mail attachment. Please send it by link.",
  },
  report_too_large_for_email: {
    de: "Das PDF dieser Auskunft ist größer als 10 MB und zu groß für einen E-Mail-Anhang. Bitte senden Sie es per Link.",
    en: "This report's PDF is larger than 10 MB, too large for an e-mail attachment. Please send it by link.",
  },
  invalid_transfer: {
    de: "Eine Drittlandübermittlung braucht ein Land außerhalb des EWR (ISO-Code, z. B. US), einen Empfänger und eine Garantie nach Art. 45–49 DSGVO.",
    en: "A third-country transfer needs a country outside the EEA (ISO code, e.g. US), a recipient and a ground under Art. 45–49 GDPR.",
  },
  ...caseReasonMessages,
};
