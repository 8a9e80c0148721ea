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
import { expectations } from "./email-expectations.ts";

const languages: EmailLanguage[] = ["de", "en"];
const templates = Object.keys(emailTemplates) as EmailTemplate[];

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
