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

  it("issue 10: stores the data subjects, transfers and profiling; an invalid transfer is refused in the user's language and nothing is written", async () => {
    const transfer = {
      country: "us",
      recipient: "CRM Cloud Inc.",
      safeguard: "standard_contractual_clauses" as const,
    };
    const { id } = await caller().create({
      ...fields("router_crm"),
      dataSubjectCategories: ["customers", "prospects"],
      thirdCountryTransfers: [transfer],
      profiling: true,
    });
    const stored = {
      dataSubjectCategories: ["customers", "prospects"],
      thirdCountryTransfers: [{ ...transfer, country: "US" }],
      profiling: true,
    };
    expect(await caller().get({ purposeId: id })).toMatchObject(stored);
    expect((await caller().list()).find((row) => row.id === id)).toMatchObject(stored);
    // Left out on create: none, none, no profiling (Art. 25(2)).
    const plain = await caller().create(fields("router_plain"));
    expect(await caller().get({ purposeId: plain.id })).toMatchObject({
      dataSubjectCategories: [],
      thirdCountryTransfers: [],
      profiling: false,
    });

    const inEea = { ...transfer, country: "FR" };
    expect(
      await messageOf(caller("en").create({ ...fields("router_eea"), thirdCountryTransfers: [inEea] })),
    ).toBe(
      "BAD_REQUEST: A third-country transfer needs a country outside the EEA (ISO code, e.g. US), a recipient and a ground under Art. 45–49 GDPR.",
    );
    expect((await caller().list()).map((row) => row.key)).not.toContain("router_eea");
    expect(
      await messageOf(
        caller("de").update({ purposeId: id, thirdCountryTransfers: [{ ...transfer, recipient: " " }] }),
        "de",
      ),
    ).toBe(
      "BAD_REQUEST: Eine Drittlandübermittlung braucht ein Land außerhalb des EWR (ISO-Code, z. B. US), einen Empfänger und eine Garantie nach Art. 45–49 DSGVO.",
    );
    expect(await caller().get({ purposeId: id })).toMatchObject({ ...stored, currentVersion: 1 });

    // A ground the catalogue does not know is refused by the input schema already.
    await expect(
      caller().update({
        purposeId: id,
        thirdCountryTransfers: [{ ...transfer, safeguard: "pinky_promise" as "derogation" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const widened = await caller().update({
      purposeId: id,
      thirdCountryTransfers: [
        ...stored.thirdCountryTransfers,
        { ...transfer, country: "IN", recipient: "Support Ltd." },
      ],
    });
    expect(widened).toMatchObject({ material: true, reasons: ["transfer_added"], version: 2 });
  });

  it("issue 10: only the DPO and above change the catalogue's new facts", async () => {
    const { id } = await caller().create(fields("router_roles"));
    const marketing = createCaller({
      db: t.db,
      user: { id: staffId, name: "Max", email: "max@test.example", role: "marketing", locale: "en" },
      now: () => at,
    }).purposes;
    await expect(marketing.update({ purposeId: id, profiling: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      marketing.create({ ...fields("router_roles_2"), dataSubjectCategories: ["customers"] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await marketing.get({ purposeId: id })).toMatchObject({ profiling: false });
  });
});
