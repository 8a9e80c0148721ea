import { type Database, hashToken, resolveLink } from "@purposeful/db";
import { createPerson, createPurpose } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendConsentRequest, sendDoubleOptInConfirmation } from "../flows/consent-mails.ts";
import { createResendTransport } from "../transport/resend.ts";
import { dispatchOutbox } from "./dispatch.ts";
import { type ResendStub, startResendStub } from "./resend-stub.ts";

// #10: the outbox never holds a working personal link; only the copy handed to the provider does.
const API_KEY = "re_test_stub_key";
const FROM = "Purposeful <privacy@purposeful.example>";
const micrositeUrl = "https://microsite.example";
const linkSecret = "test-link-secret-test-link-secret";
const at = new Date("2026-11-29T12:00:00Z");
const actor = { type: "staff" as const, id: "staff-1" };

let t: TestDatabase;
let db: Database;
let stub: ResendStub;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  stub = await startResendStub(API_KEY);
}, 60_000);
afterAll(async () => {
  await stub?.close();
  await t?.close();
});

/** Every URL-safe run of 16+ characters in a text: anything that could be a token. */
const candidates = (text: string) => text.match(/[A-Za-z0-9_-]{16,}/g) ?? [];

async function liveTokensIn(texts: string[]): Promise<string[]> {
  const hashes = new Set(
    (await db.selectFrom("micrositeLink").select("tokenHash").execute()).map((l) => l.tokenHash),
  );
  return texts.flatMap(candidates).filter((candidate) => hashes.has(hashToken(candidate)));
}

describe("#10 no live personal-link tokens at rest", () => {
  it("#10 stores consent mails without a working token and sends them with one", async () => {
    const newsletter = await createPurpose(db, { key: "newsletter", doubleOptIn: true });
    const personId = await createPerson(db, { emails: ["erika@example.com"] });
    await db.transaction().execute(async (trx) => {
      await sendConsentRequest(trx, {
        personId,
        purposeIds: [newsletter],
        micrositeUrl,
        linkSecret,
        actor,
        at,
      });
      await sendDoubleOptInConfirmation(trx, {
        personId,
        purposeIds: [newsletter],
        micrositeUrl,
        linkSecret,
        at,
      });
    });

    const stored = async () =>
      (await db.selectFrom("outboxMessage").selectAll().execute()).flatMap((row) => [
        row.html ?? "",
        row.text ?? "",
        JSON.stringify(row.headers),
        JSON.stringify(row.props),
      ]);
    expect(await liveTokensIn(await stored())).toEqual([]);

    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: stub.url });
    const summary = await dispatchOutbox(db, { transport, now: () => at, from: FROM, linkSecret });
    expect(summary.sent).toBe(2);
    // Still nothing usable at rest after sending.
    expect(await liveTokensIn(await stored())).toEqual([]);

    const request = stub.deliveries.find((d) => d.text.includes("/p/"));
    const settingsToken = /\/de\/p\/([A-Za-z0-9_-]{43})/.exec(request?.text ?? "")?.[1] ?? "";
    expect(request?.html).toContain(`/de/p/${settingsToken}`);
    expect((await resolveLink(db, settingsToken, at))?.purpose).toBe("settings");
    const unsubscribeToken =
      /\/u\/([A-Za-z0-9_-]{43})>$/.exec(request?.headers["List-Unsubscribe"] ?? "")?.[1] ?? "";
    expect((await resolveLink(db, unsubscribeToken, at))?.purpose).toBe("unsubscribe");
    const confirm = stub.deliveries.find((d) => d.text.includes("/confirm/"));
    const confirmToken = /\/de\/confirm\/([A-Za-z0-9_-]{43})/.exec(confirm?.text ?? "")?.[1] ?? "";
    expect((await resolveLink(db, confirmToken, at))?.purpose).toBe("double_opt_in");
  });

  it("#10 refuses to send through a provider without LINK_SECRET", async () => {
    const transport = createResendTransport({ apiKey: API_KEY, baseUrl: stub.url });
    await expect(dispatchOutbox(db, { transport, now: () => at, from: FROM })).rejects.toThrow("LINK_SECRET");
  });
});
