import { bulkJobHandlers, runBulkJobs } from "@purposeful/db";
import { createPerson, createRecord, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessage } from "../../errors";
import { createCallerFactory, router } from "../../trpc";
import { purposesRouter } from "./router";

const createCaller = createCallerFactory(router({ purposes: purposesRouter }));
const at = new Date("2026-11-30T12:00:00Z");
let t: TestDatabase;
let staffId: string;

function caller(locale: Language = "en") {
  return createCaller({
    db: t.db,
    user: { id: staffId, name: "Dana", email: "dana@test.example", role: "dpo", locale },
    now: () => at,
  }).purposes;
}

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = await createStaffUser(t.db, {
    email: "dana@test.example",
    name: "Dana",
    role: "dpo",
    passwordHash: "x",
  });
}, 60_000);
afterAll(async () => t?.close());

const texts = (key: string) => ({
  de: { name: `Zweck ${key}`, description: `Wir nutzen Ihre Daten für ${key}.` },
  en: { name: `Purpose ${key}`, description: `We use your data for ${key}.` },
});
const fields = (key: string) => ({
  key,
  texts: texts(key),
  defaultLegalBasis: "consent" as const,
  channels: ["email" as const],
  doubleOptIn: false,
  retentionPeriod: "P2Y",
  dataCategories: ["name"],
  recipients: [],
  active: true,
});

/** The code and the message the error formatter sends to a user of `locale`. */
async function messageOf(promise: Promise<unknown>, locale: Language = "en"): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return error instanceof TRPCError ? `${error.code}: ${errorMessage(error, locale)}` : String(error);
  }
}

describe("purposes router", () => {
  it("#5 stores direct marketing and the allowed bases, defaulting to the default basis alone", async () => {
    const { id } = await caller().create({ ...fields("router_news"), directMarketing: true });
    expect(await caller().get({ purposeId: id })).toMatchObject({
      directMarketing: true,
      allowedLegalBases: ["consent"],
    });
    const both = await caller().create({
      ...fields("router_calls"),
      defaultLegalBasis: "legitimate_interests",
      allowedLegalBases: ["legitimate_interests", "consent"],
    });
    expect(await caller().get({ purposeId: both.id })).toMatchObject({
      directMarketing: false,
      allowedLegalBases: ["consent", "legitimate_interests"],
    });
  });

  it("#5 refuses a default basis outside the allowed ones in the user's language and writes nothing", async () => {
    const bad = { ...fields("router_bad"), allowedLegalBases: ["contract" as const] };
    expect(await messageOf(caller("en").create(bad))).toBe(
      "BAD_REQUEST: The default legal basis must be one of the purpose's allowed legal bases.",
    );
    expect(await messageOf(caller("de").create(bad), "de")).toBe(
      "BAD_REQUEST: Die Standard-Rechtsgrundlage muss zu den zulässigen Rechtsgrundlagen des Zwecks gehören.",
    );
    expect((await caller().list()).map((row) => row.key)).not.toContain("router_bad");

    const { id } = await caller().create(fields("router_switch"));
    // Only the default changes: the stored allowed list [consent] no longer contains it (domain check).
    expect(await messageOf(caller("en").update({ purposeId: id, defaultLegalBasis: "contract" }))).toBe(
      "BAD_REQUEST: The default legal basis must be one of the purpose's allowed legal bases.",
    );
    expect(await caller().get({ purposeId: id })).toMatchObject({
      defaultLegalBasis: "consent",
      currentVersion: 1,
    });
  });

  it("#7 a widening edit returns at once with a queued job; the lights follow when the job runs", async () => {
    const { id } = await caller().create(fields("router_widen"));
    const personId = await createPerson(t.db);
    await createRecord(t.db, { personId, purposeId: id, state: "granted", purposeVersion: 1, at });
    const lightOf = async () =>
      (
        await t.db
          .selectFrom("person")
          .select("trafficLight")
          .where("id", "=", personId)
          .executeTakeFirstOrThrow()
      ).trafficLight;
    expect(await lightOf()).toBe("green");
    expect(await caller().lightsJob({ purposeId: id })).toBeNull();

    const result = await caller().update({ purposeId: id, channels: ["email", "sms"] });
    expect(result).toMatchObject({ changed: true, material: true, version: 2, reasons: ["channel_added"] });
    expect(await lightOf()).toBe("green");
    expect(await caller().lightsJob({ purposeId: id })).toMatchObject({
      id: result.lightsJobId,
      state: "queued",
    });

    await runBulkJobs(t.db, bulkJobHandlers, { now: () => at });
    expect(await caller().lightsJob({ purposeId: id })).toMatchObject({
      state: "done",
      total: 1,
      processed: 1,
      result: { changed: 1 },
    });
    expect(await lightOf()).toBe("red");
  });
});
