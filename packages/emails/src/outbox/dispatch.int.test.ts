import { type Database, enqueueEmail, retryDelayMs } from "@purposeful/db";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createResendTransport, type Transport } from "../transport/resend.ts";
import { type DispatchSummary, dispatchOutbox } from "./dispatch.ts";
import { type ResendStub, startResendStub } from "./resend-stub.ts";

const API_KEY = "re_test_stub_key";
const FROM = "Purposeful <privacy@purposeful.example>";
const linkSecret = "test-link-secret-test-link-secret";

let test: TestDatabase;
let db: Database;
let stub: ResendStub;
let transport: Transport;
let clock: Date;
const now = () => clock;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.db;
  stub = await startResendStub(API_KEY);
  // The real SDK, pointed at the stub.
  transport = createResendTransport({ apiKey: API_KEY, baseUrl: stub.url });
}, 60_000);

afterAll(async () => {
  await stub?.close();
  await test?.close();
});

beforeEach(async () => {
  await db.deleteFrom("outboxMessage").execute();
  stub.reset();
  clock = new Date("2026-03-02T09:00:00Z");
});

async function enqueue(prefix: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await enqueueEmail(db, {
      idempotencyKey: `test:${prefix}:${i}`,
      personId: null,
      to: `${prefix}-${i}@example.test`,
      template: "consent_request",
      language: i % 2 === 0 ? "de" : "en",
      props: { i },
      subject: `Mail ${i}`,
      html: `<p>Mail ${i}</p>`,
      text: `Mail ${i}`,
      headers: {
        "List-Unsubscribe": `<https://microsite.example/u/${prefix}-${i}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
      at: clock,
    });
}

async function openCount(): Promise<number> {
  const row = await db
    .selectFrom("outboxMessage")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function tally(calls: ResendStub["calls"]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const call of calls) result[call.result] = (result[call.result] ?? 0) + 1;
  return result;
}

describe("dispatchOutbox against a Resend stub", () => {
  it("delivers every message exactly once through faults, a crash and two concurrent dispatchers", async () => {
    await enqueue("bulk", 120);
    // Faults for the first 40 calls; the connection dies mid-request on three of them.
    stub.dieMidRequestAt = new Set([1, 8, 17]);
    stub.plan = ({ index, path }) => {
      if (index >= 40) return null;
      if (index % 5 === 0) return "fail500";
      if (index % 5 === 2) return "dieAfterDelivery";
      if (index % 5 === 3) return path === "/emails/batch" ? "reject422" : "fail500";
      return null;
    };
    // A dispatcher that dies after the provider's answer to its first batch, before marking it.
    let crashed = false;
    const crashing: Transport = {
      maxBatch: transport.maxBatch,
      send: (message) => transport.send(message),
      async sendBatch(messages, key) {
        const outcome = await transport.sendBatch(messages, key);
        if (!crashed) {
          crashed = true;
          throw new Error("simulated crash between the provider's answer and markSent");
        }
        return outcome;
      },
    };

    const summaries: DispatchSummary[] = [];
    let rounds = 0;
    let crashes = 0;
    while ((await openCount()) > 0 && rounds < 60) {
      const results = await Promise.allSettled(
        [rounds === 0 ? crashing : transport, transport].map((t) =>
          dispatchOutbox(db, { transport: t, now, from: FROM, linkSecret, batchSize: 20, leaseSeconds: 60 }),
        ),
      );
      for (const result of results)
        if (result.status === "fulfilled") summaries.push(result.value);
        else crashes++;
      rounds++;
      clock = new Date(clock.getTime() + 5 * 60_000);
    }

    const rows = await db
      .selectFrom("outboxMessage")
      .select(["id", "status", "providerMessageId", "dispatchBatch", "attempts"])
      .execute();
    expect(rows).toHaveLength(120);
    expect(rows.every((row) => row.status === "sent" && row.providerMessageId && !row.dispatchBatch)).toBe(
      true,
    );

    const deliveredTimes = new Map<string, number>();
    for (const delivery of stub.deliveries)
      deliveredTimes.set(delivery.outboxId ?? "?", (deliveredTimes.get(delivery.outboxId ?? "?") ?? 0) + 1);
    expect(stub.deliveries).toHaveLength(120);
    expect(rows.every((row) => deliveredTimes.get(row.id) === 1)).toBe(true);
    // The id recorded is the one the provider gave for the single delivery.
    const providerIds = new Map(stub.deliveries.map((d) => [d.outboxId, d.providerId]));
    expect(rows.every((row) => providerIds.get(row.id) === row.providerMessageId)).toBe(true);
    expect(
      stub.deliveries.every(
        (d) => d.hasHtml && d.hasText && d.headers["List-Unsubscribe-Post"] === "List-Unsubscribe=One-Click",
      ),
    ).toBe(true);

    const results = tally(stub.calls);
    expect(crashes).toBe(1);
    expect(results.conflict ?? 0).toBe(0);
    expect(results.replayed).toBeGreaterThan(0);
    for (const fault of ["fail500", "reject422", "dieMidRequest", "dieAfterDelivery"])
      expect(results[fault], fault).toBeGreaterThan(0);
    const total = (key: keyof DispatchSummary) => summaries.reduce((sum, s) => sum + s[key], 0);
    console.info(
      `[${test.driver}] ${rounds} rounds × 2 dispatchers, ${crashes} crash; ${stub.calls.length} calls ` +
        `(${stub.calls.filter((c) => c.path === "/emails/batch").length} batch): ${JSON.stringify(results)}; ` +
        `${stub.deliveries.length} deliveries; failed attempts ${total("failed")}, deferred ${total("deferred")}; ` +
        `max attempts ${Math.max(...rows.map((r) => r.attempts))}`,
    );
  }, 120_000);

  it("gives up on a message that always fails after maxAttempts, keeping its last error", async () => {
    await enqueue("poison", 3);
    const poison = "poison-1@example.test";
    stub.plan = ({ emails }) => (emails.some((email) => email.to === poison) ? "reject422" : null);
    let rounds = 0;
    while ((await openCount()) > 0 && rounds < 20) {
      await dispatchOutbox(db, { transport, now, from: FROM, linkSecret, maxAttempts: 8 });
      rounds++;
      clock = new Date(clock.getTime() + 2 * 60 * 60_000);
    }
    const rows = await db
      .selectFrom("outboxMessage")
      .select(["toAddress", "status", "attempts", "lastError"])
      .orderBy("toAddress")
      .execute();
    const dead = rows.find((row) => row.toAddress === poison);
    expect(dead).toMatchObject({ status: "dead", attempts: 8 });
    expect(dead?.lastError).toContain("422 validation_error");
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(2);
    expect(stub.deliveries.map((d) => d.to).sort()).toEqual([
      "poison-0@example.test",
      "poison-2@example.test",
    ]);
    // The batch of three was refused as a whole (422), then each went alone: 1 + 3 + 7 calls.
    expect(stub.calls).toHaveLength(11);
  }, 60_000);

  it("captures mails without a transport: kept for the portal, nothing sent, nothing dropped", async () => {
    await enqueue("captured", 5);
    const first = await dispatchOutbox(db, { transport: null, now, from: FROM });
    expect(first).toMatchObject({ claimed: 5, captured: 5, sent: 0 });
    expect((await dispatchOutbox(db, { transport: null, now, from: FROM })).claimed).toBe(0);
    const rows = await db.selectFrom("outboxMessage").select(["status", "html"]).execute();
    expect(rows.every((row) => row.status === "captured" && row.html?.startsWith("<p>"))).toBe(true);
    expect(stub.calls).toHaveLength(0);
  });

  it("backs off exponentially up to an hour", () => {
    expect(retryDelayMs(1, "x")).toBeGreaterThanOrEqual(30_000);
    expect(retryDelayMs(1, "x")).toBeLessThanOrEqual(33_000);
    expect(retryDelayMs(3, "x")).toBeGreaterThanOrEqual(120_000);
    expect(retryDelayMs(30, "x")).toBeLessThanOrEqual(66 * 60_000);
    expect(retryDelayMs(4, "batch")).toBe(retryDelayMs(4, "batch"));
  });
});
