import { createMicrositeLink, type Database } from "@purposeful/db";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionForm } from "./test-support/action-form";
import { createHttpDatabase, type HttpDatabase } from "./test-support/http-database";
import { type NextServer, startNextServer } from "./test-support/next-server";

// The data subject's round trip over real HTTP against the built app and a real database.
let database: HttpDatabase;
let db: Database;
let server: NextServer;
let base: string;
const ids = { alice: "", bob: "", newsletter: "", surveys: "", delivery: "" };
const tokens = { alice: "", bob: "", doi: "", unsubscribe: "" };

beforeAll(async () => {
  database = await createHttpDatabase();
  db = database.db;
  const now = new Date();
  ids.newsletter = await createPurpose(db, { key: "newsletter", doubleOptIn: true });
  ids.surveys = await createPurpose(db, { key: "surveys" });
  ids.delivery = await createPurpose(db, { key: "delivery", defaultLegalBasis: "contract" });
  ids.alice = await createPerson(db, { firstName: "Alice", lastName: "Anders" });
  ids.bob = await createPerson(db, { firstName: "Bob", lastName: "Berger", preferredLanguage: "en" });
  await createRecord(db, { personId: ids.alice, purposeId: ids.surveys, state: "granted" });
  await createRecord(db, { personId: ids.bob, purposeId: ids.newsletter, state: "granted" });
  const link = (
    personId: string,
    kind: "settings" | "double_opt_in" | "unsubscribe",
    purposeIds: string[] = [],
  ) => createMicrositeLink(db, { personId, kind, purposeIds, at: now }).then((l) => l.token);
  tokens.alice = await link(ids.alice, "settings");
  tokens.bob = await link(ids.bob, "settings");
  tokens.doi = await link(ids.bob, "double_opt_in", [ids.newsletter]);
  tokens.unsubscribe = await link(ids.alice, "unsubscribe", [ids.newsletter]);
  server = await startNextServer((baseUrl) => ({
    DATABASE_URL: database.url,
    AUDIT_KEK: database.auditKek,
    PUBLIC_MICROSITE_URL: baseUrl,
    LINK_SECRET: "test-link-secret-test-link-secret",
    // This test plays the reverse proxy: its X-Forwarded-For from loopback counts.
    TRUSTED_PROXIES: "127.0.0.1/32, ::1",
  }));
  base = server.baseUrl;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await database?.close();
});

const stateOf = async (personId: string, purposeId: string) =>
  (
    await db
      .selectFrom("processingRecord")
      .select("state")
      .where("personId", "=", personId)
      .where("purposeId", "=", purposeId)
      .executeTakeFirst()
  )?.state ?? null;

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { redirect: "manual", headers });

async function openSettings(token: string, forwardedFor: string): Promise<string> {
  const response = await get(`/de/p/${token}`, { "x-forwarded-for": forwardedFor });
  expect(response.status).toBe(303);
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

function expectPageHeaders(response: Response): void {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}'/);
  expect(csp).toContain("form-action 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
}

const checkbox = (html: string, purposeId: string) =>
  html.match(new RegExp(`<input type="checkbox"[^>]*value="${purposeId}"[^>]*>`))?.[0] ?? "";

describe("personal link → session", () => {
  it("answers the token URL with 303 to /de/settings and an httpOnly session cookie, never the token", async () => {
    const response = await get(`/de/p/${tokens.alice}`, { "x-forwarded-for": "192.0.2.10" });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/de/settings");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^pp_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Max-Age=1800");
    expect(cookie).not.toContain(tokens.alice);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const used = await db
      .selectFrom("micrositeLink")
      .select("usedAt")
      .where("personId", "=", ids.alice)
      .execute();
    expect(used.some((link) => link.usedAt !== null)).toBe(true);
  });

  it("shows that person's purposes and state, never another person's", async () => {
    const alice = await get("/de/settings", { cookie: await openSettings(tokens.alice, "192.0.2.11") });
    const bob = await get("/en/settings", { cookie: await openSettings(tokens.bob, "192.0.2.11") });
    const [aliceHtml, bobHtml] = [await alice.text(), await bob.text()];

    expect(alice.status).toBe(200);
    expectPageHeaders(alice);
    expect(alice.headers.get("set-cookie")).toBeNull();
    expect(aliceHtml).toContain('<html lang="de">');
    expect(aliceHtml).toContain("Alice Anders");
    expect(aliceHtml).not.toContain("Berger");
    expect(aliceHtml).toContain("Zweck surveys");
    expect(aliceHtml).toContain("Beschreibung für newsletter.");
    expect(aliceHtml).not.toContain("delivery"); // Art. 7(4): a contract purpose is never a checkbox
    expect(checkbox(aliceHtml, ids.surveys)).toContain('checked=""');
    expect(checkbox(aliceHtml, ids.newsletter)).not.toContain("checked"); // Art. 7(2): nothing pre-ticked
    expect(aliceHtml).toContain('href="/en/settings"');

    expect(bobHtml).toContain("Bob Berger");
    expect(bobHtml).not.toContain("Anders");
    expect(bobHtml).toContain("Confirmation pending");
  });

  it("shows the generic page without a session, and for a guessed token; 429 after the limit", async () => {
    const noSession = await get("/de/settings");
    expect(await noSession.text()).toContain("Dieser Link funktioniert nicht");
    expectPageHeaders(noSession);

    const guessed = await get("/de/p/guessed-token-0000000000", { "x-forwarded-for": "198.51.100.20" });
    expect(guessed.status).toBe(303);
    expect(guessed.headers.get("location")).toBe("/de/link-invalid");
    const page = await get("/de/link-invalid");
    expect(page.status).toBe(200);
    expectPageHeaders(page);
    expect(await page.text()).toContain("Neuen Link anfordern");

    for (let i = 2; i <= 20; i++) {
      expect((await get(`/de/p/guess-${i}`, { "x-forwarded-for": "198.51.100.21" })).status).toBe(303);
    }
    // Same /24 as before: the 21st lookup is refused, even with a valid token.
    const limited = await get(`/de/p/${tokens.alice}`, { "x-forwarded-for": "198.51.100.23" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("set-cookie")).toBeNull();
  });
});

describe("saving choices", () => {
  it("refuses a cross-site POST to the settings action and accepts the same POST from the site", async () => {
    const cookie = await openSettings(tokens.alice, "192.0.2.30");
    const html = await (await get("/de/settings", { cookie })).text();
    const form = () => {
      const data = actionForm(html, 0);
      data.append("granted", ids.newsletter); // tick the newsletter, untick surveys
      return data;
    };

    const forged = await fetch(`${base}/de/settings`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: "https://evil.example" },
      body: form(),
    });
    expect(forged.status).not.toBe(303);
    // A sandboxed frame elsewhere posts with `Origin: null`; the browser marks it cross-site.
    const nullOrigin = await fetch(`${base}/de/settings`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: "null", "sec-fetch-site": "cross-site" },
      body: form(),
    });
    expect(nullOrigin.headers.get("location") ?? "").not.toContain("saved=1");
    expect(await stateOf(ids.alice, ids.newsletter)).toBeNull();
    expect(await stateOf(ids.alice, ids.surveys)).toBe("granted");

    const saved = await fetch(`${base}/de/settings`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: base },
      body: form(),
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/de/settings?saved=1");
    expect(await stateOf(ids.alice, ids.newsletter)).toBe("granted");
    expect(await stateOf(ids.alice, ids.surveys)).toBe("withdrawn");
    const audit = await db
      .selectFrom("auditEvent")
      .select(["action", "actorType"])
      .where("personId", "=", ids.alice)
      .where("action", "in", ["record.grant", "record.withdraw"])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "record.grant", actorType: "data_subject" },
        { action: "record.withdraw", actorType: "data_subject" },
      ]),
    );

    const flash = saved.headers.get("set-cookie")?.match(/pp_flash=[^;]+/)?.[0] ?? "";
    const message = await (await get("/de/settings?saved=1", { cookie: `${cookie}; ${flash}` })).text();
    expect(message).toMatch(/role="status"/);
    expect(message).toContain("Eingewilligt in: Zweck newsletter.");
    expect(message).toContain("Widerrufen für: Zweck surveys.");
    expect(message).toContain("Bestätigungs-E-Mail");
  });
});

describe("double opt-in and unsubscribe", () => {
  it("does not confirm on GET; confirms on POST, once", async () => {
    const page = await get(`/en/confirm/${tokens.doi}`, { "x-forwarded-for": "192.0.2.40" });
    const html = await page.text();
    expect(page.status).toBe(200);
    expectPageHeaders(page);
    expect(html).toContain("Confirm your consent");
    expect(await stateOf(ids.bob, ids.newsletter)).toBe("granted");

    const posted = await fetch(`${base}/en/confirm/${tokens.doi}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, "x-forwarded-for": "192.0.2.40" },
      body: actionForm(html, 0),
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe("/en/confirmed");
    expect(await stateOf(ids.bob, ids.newsletter)).toBe("confirmed");
    const again = await get(`/en/confirm/${tokens.doi}`, { "x-forwarded-for": "192.0.2.40" });
    expect(await again.text()).toContain("This link does not work");
  });

  it("unsubscribes with an RFC 8058 one-click POST, and GET only shows a button", async () => {
    // After the save above: Alice's newsletter consent is granted (awaiting confirmation).
    const human = await get(`/u/${tokens.unsubscribe}`, { "accept-language": "en-GB,en" });
    expect(human.status).toBe(303);
    expect(human.headers.get("location")).toBe(`/en/unsubscribe/${tokens.unsubscribe}`);
    expect(await stateOf(ids.alice, ids.newsletter)).toBe("granted");

    const oneClick = await fetch(`${base}/u/${tokens.unsubscribe}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await stateOf(ids.alice, ids.newsletter)).toBe("withdrawn");
    const audit = await db
      .selectFrom("auditEvent")
      .select(["actorType", "changes"])
      .where("personId", "=", ids.alice)
      .where("action", "=", "record.withdraw")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorType: "data_subject", changes: { purposeKey: "newsletter" } });
  });
});
