import { createMicrositeLink, type Database } from "@purposeful/db";
import { createPerson, createPurpose } from "@purposeful/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionForm } from "./test-support/action-form";
import { createHttpDatabase, type HttpDatabase } from "./test-support/http-database";
import { type NextServer, startNextServer } from "./test-support/next-server";

// `next start` with no trusted proxy: the client address is the socket's, whatever the headers say.
let database: HttpDatabase;
let db: Database;
const ids = { surveys: "" };

beforeAll(async () => {
  database = await createHttpDatabase();
  db = database.db;
  ids.surveys = await createPurpose(db, { key: "surveys" });
}, 120_000);
afterAll(async () => database?.close());

describe("#11 client address without a trusted proxy", () => {
  let direct: NextServer;
  beforeAll(async () => {
    direct = await startNextServer((baseUrl) => ({
      DATABASE_URL: database.url,
      PUBLIC_MICROSITE_URL: baseUrl,
      LINK_SECRET: "test-link-secret-test-link-secret",
    }));
  }, 120_000);
  afterAll(async () => direct?.stop());

  it("#11 a spoofed X-Forwarded-For lands neither in consent evidence nor in a fresh rate-limit bucket", async () => {
    const carol = await createPerson(db, { firstName: "Carol", lastName: "Claus" });
    const { token } = await createMicrositeLink(db, { personId: carol, kind: "settings", at: new Date() });
    // Neither the standard header nor our own socket header can be set by the client.
    const spoofed = { "x-forwarded-for": "203.0.113.77", "x-purposeful-peer": "203.0.113.78" };
    const opened = await fetch(`${direct.baseUrl}/de/p/${token}`, { redirect: "manual", headers: spoofed });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get("set-cookie")?.split(";")[0] ?? "";
    const html = await (
      await fetch(`${direct.baseUrl}/de/settings`, { headers: { cookie, ...spoofed } })
    ).text();
    const form = actionForm(html, 0);
    form.append("granted", ids.surveys);
    const saved = await fetch(`${direct.baseUrl}/de/settings`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: direct.baseUrl, ...spoofed },
      body: form,
    });
    expect(saved.status).toBe(303);
    const evidence = await db
      .selectFrom("consentEvidence")
      .innerJoin("processingRecord", "processingRecord.id", "consentEvidence.processingRecordId")
      .select("consentEvidence.description")
      .where("processingRecord.personId", "=", carol)
      .executeTakeFirstOrThrow();
    // The socket's address (loopback), truncated; never the address the client claimed.
    expect(evidence.description).toContain("ip 127.0.0.0");
    expect(evidence.description).not.toContain("203.0.113");

    // A new spoofed address per request (even a new /24) is still the same bucket: 20, then 429.
    for (let i = 2; i <= 20; i++) {
      const guess = await fetch(`${direct.baseUrl}/de/p/guess-${i}`, {
        redirect: "manual",
        headers: { "x-forwarded-for": `203.0.${i}.1` },
      });
      expect(guess.status).toBe(303);
    }
    const limited = await fetch(`${direct.baseUrl}/de/p/${token}`, {
      redirect: "manual",
      headers: { "x-forwarded-for": "198.18.0.1" },
    });
    expect(limited.status).toBe(429);
    const keys = (await db.selectFrom("micrositeRateLimit").select("key").execute()).map((row) => row.key);
    expect(keys).toContain("link:127.0.0.0");
    expect(keys.some((key) => key.includes("203.0.") || key.includes("198.18."))).toBe(false);
  });
});
