import {
  bulkJobHandlersWith,
  type Database,
  deriveLinkToken,
  runBulkJobs,
  startConsentCampaign,
} from "@purposeful/db";
import {
  createCampaignCatalogue,
  createMailableList,
  createTestDatabase,
  type TestDatabase,
} from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResendTransport, type Transport } from "../transport/resend.ts";
import { dispatchOutbox } from "./dispatch.ts";
import { type ResendStub, startResendStub } from "./resend-stub.ts";

// The outbox fault test for a mass consent request: 250 mails queued unrendered by the campaign
// job, written at dispatch, sent in provider batches of 100 through faults and two dispatchers.
const API_KEY = "re_test_stub_key";
const FROM = "Purposeful <privacy@purposeful.example>";
const linkSecret = "mass-request-link-secret-0123456789";
const micrositeUrl = "https://microsite.example";
const start = new Date("2026-11-30T09:00:00Z");

let test: TestDatabase;
let db: Database;
let stub: ResendStub;
let transport: Transport;
let personIds: string[];

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.db;
  stub = await startResendStub(API_KEY);
  transport = createResendTransport({ apiKey: API_KEY, baseUrl: stub.url });
  const { newsletter, updates } = await createCampaignCatalogue(db);
  const list = await createMailableList(db, {
    count: 250,
    updates,
    at: new Date(start.getTime() - 86_400_000),
  });
  personIds = list.personIds;
  await startConsentCampaign(
    db,
    { listId: list.listId, purposeIds: [newsletter], channel: "email", includeRefusals: false },
    { id: "staff-marketing", role: "marketing" },
    start,
  );
  const jobs = await runBulkJobs(
    db,
    bulkJobHandlersWith({ linkSecret, suppressionSecret: "test-suppression-secret" }),
    {
      now: () => start,
      batchSize: 100,
    },
  );
  expect(jobs.jobs).toEqual([expect.objectContaining({ state: "done", processed: 250 })]);
}, 120_000);

afterAll(async () => {
  await stub?.close();
  await test?.close();
});

const open = async () =>
  Number(
    (
      await db
        .selectFrom("outboxMessage")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("status", "in", ["pending", "sending"])
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("a mass consent request through the outbox", () => {
  it("is written at dispatch, re-checked, and delivered exactly once in batches of at most 100", async () => {
    expect(
      await db.selectFrom("outboxMessage").select("html").where("html", "is not", null).execute(),
    ).toEqual([]);
    // Between queueing and sending, one member is erased and one objects to advertising by e-mail.
    const [erased, objecting] = personIds;
    await db.updateTable("person").set({ erasedLevel: 1 }).where("id", "=", erased!).execute();
    await db
      .updateTable("person")
      .set({ dmObjectionChannels: ["email"] })
      .where("id", "=", objecting!)
      .execute();

    stub.dieMidRequestAt = new Set([2]);
    stub.plan = ({ index }) => (index === 0 ? "fail500" : index === 1 ? "dieAfterDelivery" : null);
    let clock = start;
    let rounds = 0;
    let crashes = 0;
    while ((await open()) > 0 && rounds < 40) {
      const results = await Promise.allSettled(
        [0, 1].map(() =>
          dispatchOutbox(db, {
            transport,
            now: () => clock,
            from: FROM,
            linkSecret,
            micrositeUrl,
            batchSize: 100,
          }),
        ),
      );
      crashes += results.filter((r) => r.status === "rejected").length;
      rounds++;
      clock = new Date(clock.getTime() + 5 * 60_000);
    }
    expect(crashes).toBe(0);

    const rows = await db.selectFrom("outboxMessage").selectAll().execute();
    expect(rows).toHaveLength(250);
    const cancelled = rows.filter((row) => row.status === "cancelled");
    expect(cancelled.map((row) => [row.personId, row.lastError]).sort()).toEqual(
      [
        [erased, "erased"],
        [objecting, "direct_marketing_objection"],
      ].sort(),
    );
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(248);

    const times = new Map<string, number>();
    for (const d of stub.deliveries) times.set(d.outboxId ?? "?", (times.get(d.outboxId ?? "?") ?? 0) + 1);
    expect(stub.deliveries).toHaveLength(248);
    expect([...times.values()].every((n) => n === 1)).toBe(true);
    // Provider batches of at most 100 (two dispatchers split the claims, so sizes vary).
    expect(Math.max(...stub.calls.map((call) => call.messages))).toBeLessThanOrEqual(100);
    expect(stub.calls.filter((call) => call.path === "/emails/batch").length).toBeGreaterThan(1);

    // Each mail was written for its person at dispatch: language, purposes, working personal links.
    const sent = rows.find((row) => row.status === "sent")!;
    const delivery = stub.deliveries.find((d) => d.outboxId === sent.id)!;
    const props = sent.props as { linkId: string; unsubscribeLinkId: string };
    expect(delivery.text).toContain(
      `${micrositeUrl}/${sent.language}/p/${deriveLinkToken(linkSecret, props.linkId)}`,
    );
    expect(delivery.headers["List-Unsubscribe"]).toBe(
      `<${micrositeUrl}/u/${deriveLinkToken(linkSecret, props.unsubscribeLinkId)}>`,
    );
    expect(delivery.subject).toBe(sent.subject);
    // The stored rendering keeps placeholders, never a working token.
    expect(sent.text).not.toContain(deriveLinkToken(linkSecret, props.linkId));
    console.info(
      `[${test.driver}] mass request: ${rounds} rounds, ${stub.calls.length} calls, ${stub.deliveries.length} deliveries`,
    );
  }, 120_000);
});
