import { type Database, deriveLinkToken } from "@purposeful/db";
import { createPerson } from "@purposeful/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionForm } from "./test-support/action-form";
import { createHttpDatabase, type HttpDatabase } from "./test-support/http-database";
import { type NextServer, startNextServer } from "./test-support/next-server";

// Issue 11 #5 over real HTTP: the request form never tells whether an address is known (same
// answer, same mail, similar time), the mailed link files one case verified by it, and nothing is
// filed without a valid link.
const linkSecret = "test-link-secret-test-link-secret";
let database: HttpDatabase;
let db: Database;
let server: NextServer;
let base: string;
let known: string;
let client = 0;

beforeAll(async () => {
  database = await createHttpDatabase();
  db = database.db;
  known = await createPerson(db, { firstName: "Erika", lastName: "Known", emails: ["erika@example.test"] });
  server = await startNextServer((baseUrl) => ({
    DATABASE_URL: database.url,
    AUDIT_KEK: database.auditKek,
    PUBLIC_MICROSITE_URL: baseUrl,
    LINK_SECRET: linkSecret,
    SUPPRESSION_SECRET: "test-suppression-secret-test-suppression",
    TRUSTED_PROXIES: "127.0.0.1/32, ::1",
  }));
  base = server.baseUrl;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await database?.close();
});

/** A client of its own (another /24), so the rate limit of one test does not reach the next. */
const nextClient = () => `198.51.${++client % 250}.${Math.floor(client / 250) + 1}`;

async function formOf(path: string, ip: string): Promise<FormData> {
  const page = await fetch(`${base}${path}`, { headers: { "x-forwarded-for": ip } });
  expect(page.status).toBe(200);
  return actionForm(await page.text(), 0);
}

async function post(path: string, body: FormData, ip: string, cookie?: string) {
  return fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "x-forwarded-for": ip, ...(cookie ? { cookie } : {}) },
    body,
  });
}

async function askForLink(email: string, ip = nextClient()) {
  const form = await formOf("/en/request", ip);
  form.set("email", email);
  const started = performance.now();
  const response = await post("/en/request", form, ip);
  const ms = performance.now() - started;
  return {
    status: response.status,
    location: response.headers.get("location"),
    body: await response.text(),
    ms,
  };
}

const mailsTo = (address: string) =>
  db
    .selectFrom("outboxMessage")
    .select(["id", "personId", "template", "subject", "props"])
    .where("toAddress", "=", address)
    .orderBy("createdAt", "desc")
    .execute();

async function tokenFor(address: string): Promise<string> {
  const [mail] = await mailsTo(address);
  const linkId = (mail?.props as { linkId?: string } | undefined)?.linkId;
  if (!linkId) throw new Error(`no request link mailed to ${address}`);
  return deriveLinkToken(linkSecret, linkId);
}

const caseCount = async () =>
  Number(
    (
      await db
        .selectFrom("dataSubjectRequest")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

describe("the request form", () => {
  it("answers a known and an unknown address alike, and mails both a link", async () => {
    const knownAnswer = await askForLink("erika@example.test");
    const unknownAnswer = await askForLink("stranger@example.test");
    expect(knownAnswer).toMatchObject({ status: 303, location: "/en/request?sent=1" });
    expect({ ...unknownAnswer, ms: 0 }).toEqual({ ...knownAnswer, ms: 0 });
    const [toKnown] = await mailsTo("erika@example.test");
    const [toStranger] = await mailsTo("stranger@example.test");
    expect(toKnown).toMatchObject({ template: "request-verification", personId: known });
    expect(toStranger).toMatchObject({ template: "request-verification", personId: null });
    expect(toKnown?.subject).toBe(toStranger?.subject);
    const sent = await fetch(`${base}/en/request?sent=1`);
    expect(await sent.text()).toContain("Please check your inbox");
  });

  it("takes about as long for a known as for an unknown address (median of 20 each)", async () => {
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 20; i++) {
      times.known.push((await askForLink("erika@example.test")).ms);
      times.unknown.push((await askForLink(`nobody-${i}@example.test`)).ms);
    }
    const [knownMs, unknownMs] = [median(times.known), median(times.unknown)];
    // Generous: the same statements run either way; what is left is noise on a shared machine.
    expect(Math.abs(knownMs - unknownMs)).toBeLessThan(Math.max(60, 0.5 * Math.max(knownMs, unknownMs)));
  }, 120_000);

  it("is rate-limited per client: over the limit the answer stays the same and no mail goes", async () => {
    const ip = nextClient();
    for (let i = 0; i < 5; i++) await askForLink(`limit-${i}@example.test`, ip);
    const over = await askForLink("limit-over@example.test", ip);
    expect(over).toMatchObject({ status: 303, location: "/en/request?sent=1" });
    expect(await mailsTo("limit-4@example.test")).toHaveLength(1);
    expect(await mailsTo("limit-over@example.test")).toEqual([]);
  });
});

describe("the mailed link", () => {
  it("files the request: channel microsite, identity verified by the link, due date, receipt", async () => {
    await askForLink("erika@example.test");
    const token = await tokenFor("erika@example.test");
    const ip = nextClient();
    // Opening the link (also a mail scanner's prefetch) files nothing.
    const before = await caseCount();
    const form = await formOf(`/en/request/${token}`, ip);
    expect(await caseCount()).toBe(before);
    form.set("type", "erasure");
    form.set("message", "Please erase everything about me.");
    const filed = await post(`/en/request/${token}`, form, ip);
    expect(filed.status).toBe(303);
    expect(filed.headers.get("location")).toBe("/en/request/received");
    const cookie = filed.headers.get("set-cookie")?.split(";")[0] ?? "";
    const received = await (await fetch(`${base}/en/request/received`, { headers: { cookie } })).text();
    const row = await db
      .selectFrom("dataSubjectRequest")
      .selectAll()
      .orderBy("createdAt", "desc")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      type: "erasure",
      channel: "microsite",
      requesterEmail: "erika@example.test",
      identityMethod: "email_link",
      identityVerifiedBy: null,
    });
    expect(row.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const number = `DSR-${row.receivedAt.toISOString().slice(0, 4)}-${String(row.number).padStart(4, "0")}`;
    expect(received).toContain(number);
    const links = await db
      .selectFrom("caseLink")
      .select("personId")
      .where("requestId", "=", row.id)
      .execute();
    expect(links).toEqual([{ personId: known }]);
    const [receipt] = (await mailsTo("erika@example.test")).filter((m) => m.template === "request-receipt");
    expect(receipt?.subject).toBe(`We received your privacy request (${number})`);

    // Used up: the page and a second post get the generic invalid-link answer; nothing more is filed.
    const again = await fetch(`${base}/en/request/${token}`, { headers: { "x-forwarded-for": ip } });
    expect(await again.text()).toContain("This link does not work");
    const count = await caseCount();
    const replay = await post(`/en/request/${token}`, form, ip);
    expect(replay.headers.get("location")).toBe("/en/link-invalid?retry=request");
    expect(await caseCount()).toBe(count);
  });

  it("files nothing without a valid link, for an expired one, or without a type", async () => {
    const ip = nextClient();
    await askForLink("stranger@example.test");
    const token = await tokenFor("stranger@example.test");
    const form = await formOf(`/de/request/${token}`, ip);
    const before = await caseCount();

    const noType = await post(`/de/request/${token}`, form, ip);
    expect(noType.headers.get("location")).toBe(`/de/request/${token}?error=type`);
    const back = await (await fetch(`${base}/de/request/${token}?error=type`)).text();
    expect(back).toContain("Bitte wählen Sie, was Sie verlangen.");

    form.set("type", "access");
    form.set("token", "made-up-token-made-up-token-made-up-token-00");
    const madeUp = await post(`/de/request/${token}`, form, ip);
    expect(madeUp.headers.get("location")).toBe("/de/link-invalid?retry=request");
    const invalid = await (await fetch(`${base}/de/link-invalid?retry=request`)).text();
    expect(invalid).toContain("Datenschutz-Anfrage neu beginnen");

    await db
      .updateTable("micrositeRequestLink")
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .execute();
    const expiredPage = await fetch(`${base}/de/request/${token}`, { headers: { "x-forwarded-for": ip } });
    expect(await expiredPage.text()).toContain("Dieser Link funktioniert nicht");
    form.set("token", token);
    const expired = await post(`/de/request/${token}`, form, ip);
    expect(expired.headers.get("location")).toBe("/de/link-invalid?retry=request");
    expect(await caseCount()).toBe(before);
  });
});
