import { createMicrositeLink, type Database, updateCompanySettings } from "@purposeful/db";
import { createPerson, createPurpose, demoCompany } from "@purposeful/db/seed";
import type { Language } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpDatabase, type HttpDatabase } from "./test-support/http-database";
import { type NextServer, startNextServer } from "./test-support/next-server";

// #23: every page names the controller and links the privacy and legal notices; the settings page
// says before the first choice that consent can be withdrawn at any time. Over real HTTP.
let database: HttpDatabase;
let db: Database;
let server: NextServer;
const tokens = { de: "", en: "" };

beforeAll(async () => {
  database = await createHttpDatabase();
  db = database.db;
  await db
    .transaction()
    .execute((trx) => updateCompanySettings(trx, demoCompany, { staffUserId: "admin", at: new Date() }));
  await createPurpose(db, { key: "newsletter" });
  const de = await createPerson(db, { firstName: "Erika", lastName: "Muster" });
  const en = await createPerson(db, { firstName: "Emma", lastName: "Example", preferredLanguage: "en" });
  const link = (personId: string) =>
    createMicrositeLink(db, { personId, kind: "settings", purposeIds: [], at: new Date() }).then(
      (l) => l.token,
    );
  tokens.de = await link(de);
  tokens.en = await link(en);
  server = await startNextServer((baseUrl) => ({
    DATABASE_URL: database.url,
    PUBLIC_MICROSITE_URL: baseUrl,
  }));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await database?.close();
});

const get = (path: string, cookie?: string) =>
  fetch(`${server.baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });

async function settingsHtml(locale: Language): Promise<string> {
  const opened = await get(`/${locale}/p/${tokens[locale]}`);
  const cookie = opened.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  const response = await get(`/${locale}/settings`, cookie);
  expect(response.status).toBe(200);
  return response.text();
}

const escaped = (text: string) => text.replaceAll("&", "&amp;");

function expectController(html: string, locale: Language): void {
  expect(html).toContain(locale === "de" ? "Verantwortlich:" : "Controller:");
  expect(html).toContain(escaped(demoCompany.name));
  expect(html).toContain(escaped(demoCompany.address));
  expect(html).toContain(`href="mailto:${demoCompany.privacyContact}"`);
  expect(html).toContain(`href="${demoCompany.privacyNoticeUrl}"`);
  expect(html).toContain(`href="${demoCompany.legalNoticeUrl}"`);
  expect(html).toContain(locale === "de" ? ">Impressum</a>" : ">Legal notice (Impressum)</a>");
  expect(html).toContain(locale === "de" ? ">Datenschutzerklärung</a>" : ">Privacy notice</a>");
}

describe("#23 who asks, on every page", () => {
  it.each([
    ["/de", "de"],
    ["/en", "en"],
    ["/de/link-invalid", "de"],
    ["/en/confirmed", "en"],
    ["/de/unsubscribed", "de"],
  ] as const)("#23 %s names the controller and links the privacy and legal notices", async (path, locale) => {
    const response = await get(path);
    expect([200, 404]).toContain(response.status);
    expectController(await response.text(), locale);
  });

  it.each(["de", "en"] as const)(
    "#23 the %s settings page names the controller and says before the first choice that consent can be withdrawn",
    async (locale) => {
      const html = await settingsHtml(locale);
      expectController(html, locale);
      const notice = html.indexOf('id="withdraw-any-time"');
      const firstChoice = html.indexOf('type="checkbox"');
      expect(notice).toBeGreaterThan(0);
      expect(firstChoice).toBeGreaterThan(notice);
      const sentence =
        locale === "de"
          ? "Sie können jede Einwilligung jederzeit widerrufen"
          : "You can withdraw any consent at any time";
      expect(html.slice(notice, firstChoice)).toContain(sentence);
      expect(html.slice(notice, firstChoice)).toContain(demoCompany.privacyContact);
      expect(html.slice(notice, firstChoice)).toContain(
        locale === "de" ? "Art. 7 Abs. 3 DSGVO" : "Art. 7(3) GDPR",
      );
    },
  );
});
