import type { EmailLanguage } from "../components/layout.tsx";
import type { EmailPropsByTemplate, EmailTemplate } from "../render.ts";

/** What a reader must find in each template, taken from its PreviewProps. */
export const expectations: {
  [T in EmailTemplate]: {
    subject: Record<EmailLanguage, string>;
    purposeNames: (props: EmailPropsByTemplate[T]) => string[];
    url: (props: EmailPropsByTemplate[T]) => string | null;
    dates: Record<EmailLanguage, string>;
  };
} = {
  "consent-request": {
    subject: { de: "Ihre Einwilligung: bitte kurz bestätigen", en: "Your consent: a quick question" },
    purposeNames: (p) => p.purposes.flatMap((purpose) => [purpose.name, purpose.description]),
    url: (p) => p.linkUrl,
    dates: { de: "28.12.2026", en: "28 December 2026" },
  },
  "double-opt-in": {
    subject: { de: "Bitte bestätigen Sie Ihre Anmeldung", en: "Please confirm your subscription" },
    purposeNames: (p) => p.purposes.map((purpose) => purpose.name),
    url: (p) => p.confirmUrl,
    dates: { de: "28.12.2026", en: "28 December 2026" },
  },
  "consent-receipt": {
    subject: {
      de: "Ihre Datenschutz-Einstellungen wurden geändert",
      en: "Your privacy settings were changed",
    },
    purposeNames: (p) => [...p.granted, ...p.withdrawn],
    url: (p) => p.settingsUrl,
    dates: { de: "29.11.2026 um 14:30 Uhr (MEZ)", en: "29 November 2026 at 14:30 (CET)" },
  },
  "settings-link": {
    subject: {
      de: "Ihr neuer Link zu Ihren Datenschutz-Einstellungen",
      en: "Your new link to your privacy settings",
    },
    purposeNames: () => [],
    url: (p) => p.linkUrl,
    dates: { de: "28.12.2026", en: "28 December 2026" },
  },
  "audit-checkpoint": {
    subject: { de: "Prüfpunkt 42 des Prüfprotokolls", en: "Audit trail checkpoint 42" },
    // The signed head, in full, so the DPO's copy can be compared with the database.
    purposeNames: (p) => [String(p.lastEventId), p.lastHash, String(p.eventCount), p.signature],
    url: (p) => p.auditUrl,
    dates: { de: "29.11.2026 um 03:00 Uhr (MEZ)", en: "29 November 2026 at 03:00 (CET)" },
  },
  "restriction-lifted": {
    subject: {
      de: "Die Einschränkung der Verarbeitung Ihrer Daten wird aufgehoben",
      en: "The restriction of processing of your data is being lifted",
    },
    // Art. 18(3) GDPR, named so the person knows why they get this mail.
    purposeNames: () => ["Art. 18"],
    url: (p) => p.settingsUrl,
    dates: { de: "am 28.12.2026 aufheben", en: "lifting this restriction on 28 December 2026" },
  },
  "deadline-reminder": {
    subject: {
      de: "Frist: DSR-2026-0007 ist am 30.11.2026 fällig",
      en: "Deadline: DSR-2026-0007 is due on 30 November 2026",
    },
    // The case number and its deadline, nothing about the data subject.
    purposeNames: (p) => [p.caseNumber ?? "", String(p.daysLeft)],
    url: (p) => p.caseUrl,
    dates: { de: "30.11.2026", en: "30 November 2026" },
  },
  "retention-summary": {
    subject: { de: "Aufbewahrung: Lauf vom 29.11.2026", en: "Retention: run of 29 November 2026" },
    // The run's counts, and nothing about any person.
    purposeNames: (p) => [p.due, p.erased, p.failed, p.heldDeleted].map(String),
    url: (p) => p.retentionUrl,
    dates: { de: "29.11.2026", en: "29 November 2026" },
  },
  "breach-notice": {
    subject: {
      de: "Wichtige Information: Ihre Daten waren von einer Datenschutzverletzung betroffen",
      en: "Important: your data was affected by a personal data breach",
    },
    // Art. 34(2): the nature, the DPO's name and contact, the likely consequences and the measures.
    purposeNames: (p) => [
      "Art. 34",
      p.nature,
      ...p.dataCategories,
      p.consequences ?? "",
      p.measures ?? "",
      p.dpo.name,
      p.dpo.email,
      p.dpo.phone,
    ],
    url: (p) => p.company.privacyNoticeUrl ?? null,
    dates: { de: "am 02.11.2026 erfahren", en: "aware of it on 2 November 2026" },
  },
  "access-report-notice": {
    subject: {
      de: "Ihre Auskunft nach Art. 15 DSGVO liegt bereit",
      en: "Your access report under Art. 15 GDPR is ready",
    },
    // Why the mail comes, and that the link is the person's own.
    purposeNames: () => ["Art. 15"],
    url: (p) => p.downloadUrl,
    dates: { de: "bis zum 16.12.2026", en: "until 16 December 2026" },
  },
  "access-report-attached": {
    subject: {
      de: "Ihre Auskunft nach Art. 15 DSGVO (PDF im Anhang)",
      en: "Your access report under Art. 15 GDPR (PDF attached)",
    },
    // Why the mail comes, and which attachment is the report.
    purposeNames: (p) => ["Art. 15", p.fileName],
    // No personal link (the PDF is attached): the footer's privacy notice is the mail's only link.
    url: (p) => p.company.privacyNoticeUrl ?? null,
    dates: { de: "Ihre Auskunft vom 30.11.2026", en: "Your report of 30 November 2026" },
  },
  "request-verification": {
    subject: {
      de: "Ihre Datenschutz-Anfrage: bitte bestätigen Sie Ihre E-Mail-Adresse",
      en: "Your privacy request: please confirm your e-mail address",
    },
    // No name and nothing about any data: the mail reads the same for an address we do not hold.
    purposeNames: () => [],
    url: (p) => p.linkUrl,
    dates: { de: "29.11.2026 um 14:30 Uhr (MEZ)", en: "29 November 2026 at 14:30 (CET)" },
  },
  "request-receipt": {
    subject: {
      de: "Ihre Datenschutz-Anfrage ist eingegangen (DSR-2026-0007)",
      en: "We received your privacy request (DSR-2026-0007)",
    },
    // What was asked for, with its article, and the case number to quote.
    purposeNames: (p) => [p.caseNumber, "Art. 15", "Art. 12"],
    url: (p) => p.company.privacyNoticeUrl ?? null,
    dates: { de: "bis spätestens 02.12.2026", en: "by 2 December 2026 at the latest" },
  },
  "request-extension": {
    subject: {
      de: "Ihre Datenschutz-Anfrage DSR-2026-0007: wir brauchen länger",
      en: "Your privacy request DSR-2026-0007: we need more time",
    },
    // Art. 12(3): the extension's reason and the article that allows it.
    purposeNames: (p) => [p.caseNumber, p.reason, "Art. 12"],
    url: (p) => p.company.privacyNoticeUrl ?? null,
    dates: { de: "bis spätestens 02.02.2027", en: "by 2 February 2027 at the latest" },
  },
  "request-answer": {
    subject: {
      de: "Ihre Datenschutz-Anfrage DSR-2026-0007: unsere Antwort",
      en: "Your privacy request DSR-2026-0007: our answer",
    },
    // Art. 12(4): the reasons, the right to complain (Art. 77) and the competent authority.
    purposeNames: (p) => [p.caseNumber, "§ 147 AO", "Art. 77", "Art. 79", "Lautenschlagerstraße 20"],
    url: (p) => p.company.privacyNoticeUrl ?? null,
    dates: { de: "02.11.2026", en: "2 November 2026" },
  },
};
