import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { openSession, resolveLink, resolveSession, revokeLinks } from "./access.ts";
import { saveMicrositeChoices, withdrawEverything } from "./choices.ts";
import { createMicrositeLink } from "./links.ts";
import { confirmDoubleOptIn, unsubscribe } from "./one-click.ts";
import { hitRateLimit } from "./rate-limit.ts";
import { getMicrositeSettings } from "./settings.ts";

const now = new Date("2026-12-01T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const client = { userAgent: "Firefox/140", ip: "203.0.113.77" };
let t: TestDatabase;
let newsletter: string; // double opt-in
let surveys: string;
let contract: string;
let retired: string;

beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter", doubleOptIn: true });
  surveys = await createPurpose(t.db, { key: "surveys" });
  contract = await createPurpose(t.db, { key: "delivery", defaultLegalBasis: "contract" });
  retired = await createPurpose(t.db, { key: "old_offers", active: false });
});
afterAll(async () => t?.close());

const stateOf = async (personId: string, purposeId: string) =>
  (
    await t.db
      .selectFrom("processingRecord")
      .select("state")
      .where("personId", "=", personId)
      .where("purposeId", "=", purposeId)
      .executeTakeFirst()
  )?.state ?? null;
const tx = <T>(run: (trx: TestDatabase["db"]) => Promise<T>) => t.db.transaction().execute(run);

describe("links and sessions", () => {
  it("resolves a live link and nothing else, never saying why", async () => {
    const personId = await createPerson(t.db);
    const live = await createMicrositeLink(t.db, { personId, kind: "settings", at: now });
    const expired = await createMicrositeLink(t.db, { personId, kind: "settings", at: now, ttlDays: 1 });
    const revoked = await createMicrositeLink(t.db, { personId, kind: "settings", at: now });
    await t.db.updateTable("micrositeLink").set({ revokedAt: now }).where("id", "=", revoked.id).execute();

    expect((await resolveLink(t.db, live.token, now))?.personId).toBe(personId);
    expect(await resolveLink(t.db, expired.token, later(24 * 60))).toBeNull();
    expect(await resolveLink(t.db, revoked.token, now)).toBeNull();
    expect(await resolveLink(t.db, "guessed-token", now)).toBeNull();
    expect(await resolveLink(t.db, "", now)).toBeNull();
  });

  it("opens a 30-minute session bound to its person; revoking ends it", async () => {
    const alice = await createPerson(t.db, { firstName: "Alice" });
    const bob = await createPerson(t.db, { firstName: "Bob" });
    const aliceLink = await createMicrositeLink(t.db, { personId: alice, kind: "settings", at: now });
    await createMicrositeLink(t.db, { personId: bob, kind: "settings", at: now });

    const link = await resolveLink(t.db, aliceLink.token, now);
    const session = await tx((trx) => openSession(trx, link?.id ?? "", alice, now));
    const stored = await t.db
      .selectFrom("micrositeSession")
      .selectAll()
      .where("personId", "=", alice)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(session.token);

    expect((await resolveSession(t.db, session.token, later(29)))?.personId).toBe(alice);
    expect(await resolveSession(t.db, session.token, later(30))).toBeNull();
    expect(await resolveSession(t.db, aliceLink.token, now)).toBeNull(); // a link is not a session
    expect((await getMicrositeSettings(t.db, alice, "en"))?.firstName).toBe("Alice");

    await tx((trx) => revokeLinks(trx, alice, now));
    expect(await resolveSession(t.db, session.token, now)).toBeNull();
    expect(await resolveLink(t.db, aliceLink.token, now)).toBeNull();
  });

  it("rate-limits per key in a fixed window", async () => {
    const limit = { limit: 3, windowSeconds: 600 };
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await hitRateLimit(t.db, "link:198.51.100.0", limit, now));
    expect(hits).toEqual([true, true, true, false]);
    expect(await hitRateLimit(t.db, "link:192.0.2.0", limit, now)).toBe(true);
    expect(await hitRateLimit(t.db, "link:198.51.100.0", limit, later(9))).toBe(false);
    expect(await hitRateLimit(t.db, "link:198.51.100.0", limit, later(10))).toBe(true);
  });
});

describe("settings and choices", () => {
  it("offers only active consent purposes, with the current text, nothing pre-ticked", async () => {
    const personId = await createPerson(t.db, { firstName: "Clara", salutation: "Frau" });
    await createRecord(t.db, { personId, purposeId: contract, legalBasis: "contract", state: "active" });
    const settings = await getMicrositeSettings(t.db, personId, "en", now);

    expect(settings?.salutation).toBe("Frau");
    expect(settings?.purposes.map((p) => p.purposeId)).toEqual([newsletter, surveys]);
    expect(settings?.purposes.map((p) => p.purposeId)).not.toContain(contract);
    expect(settings?.purposes.map((p) => p.purposeId)).not.toContain(retired);
    expect(settings?.purposes[1]).toMatchObject({
      name: "Purpose surveys",
      description: "Description of surveys.",
      version: 1,
      ticked: false,
      state: null,
      valid: false,
    });
  });

  it("grants and withdraws with evidence and audit (data subject, microsite); DOI waits", async () => {
    const personId = await createPerson(t.db);
    const other = await createPerson(t.db);
    await createRecord(t.db, { personId: other, purposeId: surveys, state: "granted" });
    const shown = [
      { purposeId: newsletter, version: 1 },
      { purposeId: surveys, version: 1 },
    ];

    const first = await tx((trx) =>
      saveMicrositeChoices(trx, {
        personId,
        language: "en",
        granted: [newsletter, surveys],
        shown,
        ...client,
        now,
      }),
    );
    expect(first.granted).toEqual(["Purpose newsletter", "Purpose surveys"]);
    expect(first.needsConfirmation).toEqual([newsletter]);
    expect(await stateOf(personId, newsletter)).toBe("granted");
    const settings = await getMicrositeSettings(t.db, personId, "de", now);
    expect(settings?.purposes.find((p) => p.purposeId === newsletter)).toMatchObject({
      ticked: true,
      valid: false,
      confirmationPending: true,
    });
    expect(settings?.purposes.find((p) => p.purposeId === surveys)).toMatchObject({
      ticked: true,
      valid: true,
    });

    const second = await tx((trx) =>
      saveMicrositeChoices(trx, {
        personId,
        language: "de",
        granted: [newsletter],
        shown,
        ...client,
        now: later(1),
      }),
    );
    expect(second).toMatchObject({ granted: [], withdrawn: ["Zweck surveys"], needsConfirmation: [] });
    expect(await stateOf(personId, surveys)).toBe("withdrawn");
    expect(await stateOf(other, surveys)).toBe("granted");

    const events = await t.db
      .selectFrom("auditEvent")
      .select(["action", "actorType", "actorId", "changes"])
      .where("personId", "=", personId)
      .where("action", "like", "record.%")
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      "record.grant",
      "record.confirmation_pending",
      "record.grant",
      "record.withdraw",
    ]);
    for (const e of events) expect(e).toMatchObject({ actorType: "data_subject", actorId: personId });
    expect(events[0]?.changes).toMatchObject({ source: "microsite", evidence: "microsite" });

    const proof = await t.db
      .selectFrom("consentEvidence as e")
      .innerJoin("processingRecord as r", "r.id", "e.processingRecordId")
      .select(["e.description", "e.shownTexts"])
      .where("r.personId", "=", personId)
      .where("r.purposeId", "=", surveys)
      .orderBy("e.createdAt")
      .executeTakeFirstOrThrow();
    expect(proof.description).toBe("user agent Firefox/140, ip 203.0.113.0");
    expect(proof.shownTexts).toEqual([
      {
        purposeKey: "surveys",
        version: 1,
        language: "en",
        name: "Purpose surveys",
        description: "Description of surveys.",
      },
    ]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("refuses a grant to a text version that is no longer current", async () => {
    const personId = await createPerson(t.db);
    const purposeId = await createPurpose(t.db, { key: "events" });
    await t.db.updateTable("purpose").set({ currentVersion: 2 }).where("id", "=", purposeId).execute();
    await t.db
      .insertInto("purposeVersion")
      .values({ purposeId, version: 2, language: "en", name: "Events v2", description: "New text." })
      .execute();
    await expect(
      tx((trx) =>
        saveMicrositeChoices(trx, {
          personId,
          language: "en",
          granted: [purposeId],
          shown: [{ purposeId, version: 1 }],
          now,
        }),
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await stateOf(personId, purposeId)).toBeNull();
    await expect(
      tx((trx) =>
        saveMicrositeChoices(trx, {
          personId,
          language: "en",
          granted: [contract],
          shown: [{ purposeId: contract, version: 1 }],
          now,
        }),
      ),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("withdraws every live consent in one step and ends nothing else", async () => {
    const personId = await createPerson(t.db);
    await createRecord(t.db, { personId, purposeId: newsletter, state: "confirmed" });
    await createRecord(t.db, { personId, purposeId: surveys, state: "granted" });
    await createRecord(t.db, { personId, purposeId: retired, state: "granted" });
    await createRecord(t.db, { personId, purposeId: contract, legalBasis: "contract", state: "active" });

    const result = await tx((trx) => withdrawEverything(trx, { personId, language: "en", ...client, now }));
    expect(result.withdrawnIds.sort()).toEqual([newsletter, surveys, retired].sort());
    for (const id of [newsletter, surveys, retired]) expect(await stateOf(personId, id)).toBe("withdrawn");
    expect(await stateOf(personId, contract)).toBe("active");
  });
});

describe("double opt-in and unsubscribe", () => {
  it("confirms only on the link's own purposes, once", async () => {
    const personId = await createPerson(t.db, { preferredLanguage: "en" });
    await tx((trx) =>
      saveMicrositeChoices(trx, {
        personId,
        language: "en",
        granted: [newsletter],
        shown: [{ purposeId: newsletter, version: 1 }],
        now,
      }),
    );
    const settingsLink = await createMicrositeLink(t.db, { personId, kind: "settings", at: now });
    const doi = await createMicrositeLink(t.db, {
      personId,
      kind: "double_opt_in",
      purposeIds: [newsletter],
      at: now,
    });

    expect(await tx((trx) => confirmDoubleOptIn(trx, settingsLink.token, now))).toBeNull();
    expect(await stateOf(personId, newsletter)).toBe("granted");
    const confirmed = await tx((trx) => confirmDoubleOptIn(trx, doi.token, later(5), client));
    expect(confirmed).toMatchObject({ personId, language: "en", names: ["Purpose newsletter"] });
    expect(await stateOf(personId, newsletter)).toBe("confirmed");
    expect(await tx((trx) => confirmDoubleOptIn(trx, doi.token, later(6)))).toBeNull();
  });

  it("unsubscribes the link's purposes, idempotently, and only with an unsubscribe link", async () => {
    const personId = await createPerson(t.db);
    await createRecord(t.db, { personId, purposeId: newsletter, state: "confirmed" });
    await createRecord(t.db, { personId, purposeId: surveys, state: "granted" });
    const link = await createMicrositeLink(t.db, {
      personId,
      kind: "unsubscribe",
      purposeIds: [newsletter],
      at: now,
    });
    const settingsLink = await createMicrositeLink(t.db, { personId, kind: "settings", at: now });

    expect(await tx((trx) => unsubscribe(trx, settingsLink.token, now))).toBeNull();
    expect((await tx((trx) => unsubscribe(trx, link.token, now)))?.purposeIds).toEqual([newsletter]);
    expect(await stateOf(personId, newsletter)).toBe("withdrawn");
    expect(await stateOf(personId, surveys)).toBe("granted");
    expect((await tx((trx) => unsubscribe(trx, link.token, later(1))))?.purposeIds).toEqual([]);
  });
});
