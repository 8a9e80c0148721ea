import { DomainError } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkJobHandlersWith } from "../jobs/handlers.ts";
import { runBulkJobs } from "../jobs/run-bulk-jobs.ts";
import { deriveLinkToken, hashToken } from "../microsite/links.ts";
import { createPerson, createRecord } from "../seed/factories.ts";
import { addPostalAddress, createCampaignCatalogue, provenConsent } from "../testing/campaign-fixture.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { previewConsentCampaign, startConsentCampaign } from "./consent-campaigns.ts";

const at = new Date("2026-11-30T09:00:00Z");
const linkSecret = "campaign-test-link-secret-0123456789abcdef";
const marketing = { id: "staff-marketing", role: "marketing" as const };
const dpo = { id: "staff-dpo", role: "dpo" as const };
let t: TestDatabase;
let newsletter: string;
let listId: string;
const ids: Record<string, string> = {};

const run = () =>
  runBulkJobs(t.db, bulkJobHandlersWith({ linkSecret, suppressionSecret: "test-suppression-secret" }), {
    now: () => at,
    batchSize: 3,
  });
const request = (includeRefusals = false) => ({
  listId,
  purposeIds: [newsletter],
  channel: "email" as const,
  includeRefusals,
});

beforeAll(async () => {
  t = await createTestDatabase();
  const catalogue = await createCampaignCatalogue(t.db);
  newsletter = catalogue.newsletter;
  const earlier = new Date(at.getTime() - 86_400_000);
  const person = async (name: string, email: boolean, address: boolean) => {
    ids[name] = await createPerson(t.db, {
      lastName: name,
      emails: email ? [`${name.toLowerCase()}@example.test`] : [],
    });
    if (address) await addPostalAddress(t.db, ids[name]!);
    return ids[name]!;
  };
  // Anna: a proven consent to `updates` makes e-mail advertising admissible → e-mail.
  await provenConsent(t.db, await person("Anna", true, true), catalogue.updates, earlier);
  // Ben: an address but no basis for e-mail advertising (UWG §7(2) no. 2) → letter.
  await person("Ben", true, true);
  // Cara: neither e-mail basis nor address → no lawful channel.
  await person("Cara", true, false);
  // Dora: withdrew the newsletter → refused, unless the DPO includes refusals.
  await createRecord(t.db, {
    personId: await person("Dora", true, true),
    purposeId: newsletter,
    state: "withdrawn",
    at: earlier,
  });
  // Emil: may already be contacted for the newsletter → not asked.
  await provenConsent(t.db, await person("Emil", true, true), newsletter, earlier);
  // Fritz: erased; Greta: restricted; Hans: objected to direct marketing on every channel.
  await person("Fritz", true, true);
  await person("Greta", true, true);
  await provenConsent(t.db, await person("Hans", true, true), catalogue.updates, earlier);
  await t.db.updateTable("person").set({ erasedLevel: 3 }).where("id", "=", ids.Fritz!).execute();
  await t.db.updateTable("person").set({ restricted: true }).where("id", "=", ids.Greta!).execute();
  await t.db
    .updateTable("person")
    .set({ dmObjectionChannels: ["email", "phone", "post", "sms", "profiling"] })
    .where("id", "=", ids.Hans!)
    .execute();
  const list = await t.db
    .insertInto("marketingList")
    .values({ name: "Autumn", kind: "static" })
    .returning("id")
    .executeTakeFirstOrThrow();
  listId = list.id;
  await t.db
    .insertInto("marketingListMember")
    .values(Object.values(ids).map((personId) => ({ listId, personId })))
    .execute();
}, 60_000);
afterAll(async () => t?.close());

describe("mass consent request", () => {
  it("previews who would be asked how, and why the others are not", async () => {
    expect(await previewConsentCampaign(t.db, request(), at)).toEqual({
      total: 8,
      email: 1,
      letter: 1,
      askedIds: [newsletter],
      excluded: [
        { reason: "already_admissible", count: 1 },
        { reason: "erased", count: 1 },
        { reason: "no_lawful_channel", count: 2 },
        { reason: "refused", count: 1 },
        { reason: "restricted", count: 1 },
      ].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    });
    const withRefusals = await previewConsentCampaign(t.db, request(true), at);
    expect(withRefusals).toMatchObject({ email: 1, letter: 2 });
  });

  it("lets only the DPO include refusals, and refuses a list or purpose set that cannot be asked", async () => {
    await expect(startConsentCampaign(t.db, request(true), marketing, at)).rejects.toMatchObject({
      reason: "include_refusals_dpo_only",
    });
    const emil = await t.db
      .selectFrom("purpose")
      .select("id")
      .where("key", "=", "updates")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("purpose")
      .set({ defaultLegalBasis: "legitimate_interests", allowedLegalBases: ["legitimate_interests"] })
      .where("id", "=", emil.id)
      .execute();
    await expect(
      startConsentCampaign(t.db, { ...request(), purposeIds: [emil.id] }, marketing, at),
    ).rejects.toMatchObject({ reason: "no_consent_purposes" });
    await t.db
      .updateTable("purpose")
      .set({ defaultLegalBasis: "consent", allowedLegalBases: ["consent"] })
      .where("id", "=", emil.id)
      .execute();
    await expect(
      startConsentCampaign(
        t.db,
        { ...request(), listId: "00000000-0000-4000-8000-000000000000" },
        marketing,
        at,
      ),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await t.db.selectFrom("consentCampaign").selectAll().execute()).toEqual([]);
  });

  it("runs as a job: recipients, links, unrendered mails and requested records, set-based", async () => {
    const { campaignId, jobId } = await startConsentCampaign(t.db, request(), marketing, at);
    const summary = await run();
    expect(summary.jobs).toEqual([expect.objectContaining({ id: jobId, state: "done", processed: 8 })]);
    const job = await t.db
      .selectFrom("bulkJob")
      .selectAll()
      .where("id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({
      state: "done",
      total: 8,
      processed: 8,
      result: { email: 1, letter: 1, excluded: 6 },
    });

    const recipients = await t.db
      .selectFrom("consentCampaignRecipient")
      .selectAll()
      .where("campaignId", "=", campaignId)
      .execute();
    const byPerson = new Map(recipients.map((row) => [row.personId, row]));
    expect(byPerson.get(ids.Anna!)).toMatchObject({ route: "email", reason: null });
    expect(byPerson.get(ids.Ben!)).toMatchObject({ route: "letter", reason: null, outboxMessageId: null });
    expect(byPerson.get(ids.Dora!)).toMatchObject({ route: null, reason: "refused", linkId: null });

    const mail = await t.db.selectFrom("outboxMessage").selectAll().executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      personId: ids.Anna,
      toAddress: "anna@example.test",
      subject: null,
      html: null,
      status: "pending",
    });
    expect(mail.id).toBe(byPerson.get(ids.Anna!)!.outboxMessageId);
    const links = await t.db.selectFrom("micrositeLink").selectAll().execute();
    expect(links.map((l) => [l.personId, l.purpose]).sort()).toEqual(
      [
        [ids.Anna, "settings"],
        [ids.Anna, "unsubscribe"],
        [ids.Ben, "settings"],
      ].sort(),
    );
    // Only the hash of the derived token is stored; the letter link lasts 60 days.
    const letterLink = links.find((l) => l.personId === ids.Ben)!;
    expect(letterLink.tokenHash).toBe(hashToken(deriveLinkToken(linkSecret, letterLink.id)));
    expect(letterLink.expiresAt.getTime() - at.getTime()).toBe(60 * 86_400_000);

    const records = await t.db
      .selectFrom("processingRecord")
      .select(["personId", "state", "source"])
      .where("purposeId", "=", newsletter)
      .execute();
    expect(records.find((r) => r.personId === ids.Anna)).toEqual({
      personId: ids.Anna,
      state: "requested",
      source: "email",
    });
    expect(records.find((r) => r.personId === ids.Ben)).toEqual({
      personId: ids.Ben,
      state: "requested",
      source: "letter",
    });
    expect(records.find((r) => r.personId === ids.Dora)?.state).toBe("withdrawn");
    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["action", "personId"])
      .where("action", "in", ["record.request", "campaign.consent_requested"])
      .execute();
    expect(
      audit
        .filter((e) => e.action === "record.request")
        .map((e) => e.personId)
        .sort(),
    ).toEqual([ids.Anna, ids.Ben].sort());
    expect(audit.filter((e) => e.action === "campaign.consent_requested")).toHaveLength(1);
  });

  it("never asks twice for the same list and purposes; the DPO may include refusals", async () => {
    const before = await t.db.selectFrom("outboxMessage").select("id").execute();
    const { campaignId } = await startConsentCampaign(t.db, request(true), dpo, at);
    await run();
    const recipients = await t.db
      .selectFrom("consentCampaignRecipient")
      .selectAll()
      .where("campaignId", "=", campaignId)
      .execute();
    const byPerson = new Map(recipients.map((row) => [row.personId, row]));
    expect(byPerson.get(ids.Anna!)?.reason).toBe("already_asked");
    expect(byPerson.get(ids.Ben!)?.reason).toBe("already_asked");
    expect(byPerson.get(ids.Dora!)?.route).toBe("letter");
    expect(await t.db.selectFrom("outboxMessage").select("id").execute()).toEqual(before);
    const dora = await t.db
      .selectFrom("processingRecord")
      .select("state")
      .where("personId", "=", ids.Dora!)
      .where("purposeId", "=", newsletter)
      .executeTakeFirstOrThrow();
    expect(dora.state).toBe("requested");
  });

  it("resumes after a crash mid-job without asking anyone twice", async () => {
    const copy = await t.db
      .insertInto("marketingList")
      .values({ name: "Copy", kind: "static" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("marketingListMember")
      .values(Object.values(ids).map((personId) => ({ listId: copy.id, personId })))
      .execute();
    const { campaignId, jobId } = await startConsentCampaign(
      t.db,
      { ...request(), listId: copy.id },
      marketing,
      at,
    );
    const handlers = bulkJobHandlersWith({ linkSecret, suppressionSecret: "test-suppression-secret" });
    let batches = 0;
    const crashing = {
      ...handlers,
      consent_campaign: {
        ...handlers.consent_campaign!,
        batch: (...args: Parameters<NonNullable<typeof handlers.consent_campaign>["batch"]>) => {
          batches++;
          if (batches === 2) throw new Error("simulated crash in the second batch");
          return handlers.consent_campaign!.batch(...args);
        },
      },
    };
    const first = await runBulkJobs(t.db, crashing, { now: () => at, batchSize: 3 });
    expect(first.jobs[0]).toMatchObject({ id: jobId, state: "running", processed: 3 });
    const second = await runBulkJobs(t.db, handlers, { now: () => at, batchSize: 3 });
    expect(second.jobs[0]).toMatchObject({ id: jobId, state: "done" });
    const job = await t.db
      .selectFrom("bulkJob")
      .select(["processed", "total", "attempts"])
      .where("id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ processed: 8, total: 8 });
    const recipients = await t.db
      .selectFrom("consentCampaignRecipient")
      .select(["personId", "route"])
      .where("campaignId", "=", campaignId)
      .execute();
    expect(recipients).toHaveLength(8);
    const mails = await t.db
      .selectFrom("outboxMessage")
      .select("idempotencyKey")
      .where("idempotencyKey", "like", `consent-campaign:${copy.id}:%`)
      .execute();
    expect(mails).toHaveLength(1);
    const links = await t.db
      .selectFrom("micrositeLink")
      .select("id")
      .where("personId", "=", ids.Anna!)
      .execute();
    // one settings and one unsubscribe link per request that reached her: the first list's and this one's
    expect(links).toHaveLength(4);
  });
});
