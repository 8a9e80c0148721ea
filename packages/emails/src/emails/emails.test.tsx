import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { EmailLanguage } from "../components/layout.tsx";
import {
  type ConsentReceiptProps,
  type EmailPropsByTemplate,
  type EmailTemplate,
  emailTemplates,
  renderEmail,
} from "../render.ts";

const languages: EmailLanguage[] = ["de", "en"];
const templates = Object.keys(emailTemplates) as EmailTemplate[];

/** What a reader must find in each template, taken from its PreviewProps. */
const expectations: {
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

const controllerLabel = { de: "Verantwortlich:", en: "Controller:" };
const rightToObject = {
  de: "Sie können der Nutzung Ihrer Daten für Werbung jederzeit widersprechen (Art. 21 Abs. 2 DSGVO)",
  en: "You can object to the use of your data for advertising at any time (Art. 21(2) GDPR)",
};

// Without a name (a mail to an address that may be no person's we know) the greeting stays plain.
const greeting = (language: EmailLanguage, name: string) =>
  language === "de" ? `Guten Tag${name ? ` ${name}` : ""},` : `Hello${name ? ` ${name}` : ""},`;

function previewOf<T extends EmailTemplate>(template: T): EmailPropsByTemplate[T] {
  const { language: _language, ...props } = emailTemplates[template].component.PreviewProps;
  return props as EmailPropsByTemplate[T];
}

describe("e-mail templates", () => {
  it("registers exactly the *.email.tsx files, so none can skip these tests", () => {
    const files = readdirSync(fileURLToPath(new URL(".", import.meta.url)))
      .filter((file) => file.endsWith(".email.tsx"))
      .map((file) => file.slice(0, -".email.tsx".length));
    expect([...templates].sort()).toEqual(files.sort());
  });

  describe.each(templates)("%s", (template) => {
    it.each(languages)(
      "#23 renders its PreviewProps in %s, naming the controller and the right to object",
      (language) => checkPreview(template, language),
    );
  });
});

async function checkPreview<T extends EmailTemplate>(template: T, language: EmailLanguage) {
  const props = previewOf(template);
  const expected = expectations[template];
  const mail = await renderEmail(template, props, language);

  expect(mail.subject).toBe(expected.subject[language]);
  expect(mail.html).toContain(`lang="${language}"`);
  expect(mail.text).toContain(greeting(language, props.salutationName));
  expect(mail.html).toContain(greeting(language, props.salutationName));
  for (const name of expected.purposeNames(props)) {
    expect(mail.text).toContain(name);
    expect(mail.html).toContain(name);
  }
  const url = expected.url(props);
  if (url === null) throw new Error(`PreviewProps of ${template} should show the link`);
  expect(mail.html).toContain(`href="${url}"`);
  expect(mail.text).toContain(url);
  expect(mail.text).toContain(expected.dates[language]);
  expect(mail.text).toContain(props.company.privacyContact);
  expect(mail.text).toContain(props.company.address);
  // #23: the controller by name and address, and the right to object (Art. 21(4)), in every mail.
  expect(mail.text).toContain(
    `${controllerLabel[language]} ${props.company.name} · ${props.company.address}`,
  );
  expect(mail.text).toContain(rightToObject[language]);
  expect(mail.html).toContain(`href="${props.company.privacyNoticeUrl}"`);
  for (const output of [mail.subject, mail.html, mail.text]) {
    expect(output).not.toContain("{");
    expect(output).not.toContain("undefined");
    expect(output).not.toContain("NaN");
  }
}

describe("consent-receipt", () => {
  const base = previewOf("consent-receipt");
  const headings = {
    de: { granted: "Sie haben eingewilligt in", withdrawn: "Sie haben Ihre Einwilligung widerrufen für" },
    en: { granted: "You gave your consent to", withdrawn: "You withdrew your consent to" },
  };
  const unchanged = { de: "Dabei hat sich nichts geändert", en: "Nothing changed" };
  const render = (props: Partial<ConsentReceiptProps>, language: EmailLanguage) =>
    renderEmail("consent-receipt", { ...base, ...props }, language);

  it.each(languages)(
    "lists granted and withdrawn purposes under their own headings (%s)",
    async (language) => {
      const { text } = await render({ granted: ["Newsletter"], withdrawn: ["Messe-Einladungen"] }, language);
      expect(text).toContain(`${headings[language].granted}\n\n * Newsletter`);
      expect(text).toContain(`${headings[language].withdrawn}\n\n * Messe-Einladungen`);
      expect(text).not.toContain(unchanged[language]);
    },
  );

  it.each(languages)("omits an empty list (%s)", async (language) => {
    const onlyGranted = await render({ granted: ["Newsletter"], withdrawn: [] }, language);
    expect(onlyGranted.text).toContain(headings[language].granted);
    expect(onlyGranted.text).not.toContain(headings[language].withdrawn);
    const onlyWithdrawn = await render({ granted: [], withdrawn: ["Newsletter"] }, language);
    expect(onlyWithdrawn.text).not.toContain(headings[language].granted);
    expect(onlyWithdrawn.text).toContain(headings[language].withdrawn);
  });

  it.each(languages)("says that nothing changed when both lists are empty (%s)", async (language) => {
    const { text } = await render({ granted: [], withdrawn: [] }, language);
    expect(text).toContain(unchanged[language]);
    expect(text).not.toContain(headings[language].granted);
    expect(text).not.toContain(headings[language].withdrawn);
  });

  it("leaves out the settings link when there is none, but keeps the privacy contact", async () => {
    const { html, text } = await render({ settingsUrl: null }, "de");
    expect(html).not.toContain("Meine Einstellungen öffnen");
    expect(html).not.toContain(base.settingsUrl ?? "no url");
    expect(text).toContain(base.company.privacyContact);
  });

  it("shows the time of change in Europe/Berlin, summer time included", async () => {
    const { text } = await render({ changedAt: "2026-07-01T08:05:00Z" }, "de");
    expect(text).toContain("01.07.2026 um 10:05 Uhr (MESZ)");
    const en = await render({ changedAt: "2026-07-01T08:05:00Z" }, "en");
    expect(en.text).toContain("1 July 2026 at 10:05 (CEST)");
  });
});

describe("restriction-lifted", () => {
  it.each(languages)(
    "names when the restriction began, and leaves it out when unknown (%s)",
    async (language) => {
      const props = previewOf("restriction-lifted");
      const since = { de: "seit dem 05.10.2026", en: "since 5 October 2026" }[language];
      expect((await renderEmail("restriction-lifted", props, language)).text).toContain(since);
      const unknown = await renderEmail("restriction-lifted", { ...props, restrictedSince: null }, language);
      expect(unknown.text).not.toContain(since);
      expect(unknown.text).toContain("Art. 18");
    },
  );
});

describe("consent-request and double-opt-in", () => {
  it("refuse an expiry that is not a calendar date rather than print 'Invalid Date'", async () => {
    const props = { ...previewOf("consent-request"), expiresOn: "28.12.2026" };
    await expect(renderEmail("consent-request", props, "de")).rejects.toThrow(/YYYY-MM-DD/);
  });

  it("tell a person who did not sign up that nothing happens without confirmation", async () => {
    const props = previewOf("double-opt-in");
    expect((await renderEmail("double-opt-in", props, "de")).text).toContain(
      "ohne Ihre Bestätigung passiert nichts",
    );
    expect((await renderEmail("double-opt-in", props, "en")).text).toContain(
      "nothing happens without your confirmation",
    );
  });

  it("state that nothing is pre-ticked and consent can be withdrawn at any time", async () => {
    const props = previewOf("consent-request");
    const de = await renderEmail("consent-request", props, "de");
    expect(de.text).toContain("nichts vorausgewählt");
    expect(de.text).toContain("jederzeit widerrufen");
    const en = await renderEmail("consent-request", props, "en");
    expect(en.text).toContain("Nothing is ticked in advance");
    expect(en.text).toContain("withdraw your consent at any time");
  });
});
