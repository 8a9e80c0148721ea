import { DomainError } from "@purposeful/domain";
import { describe, expect, it } from "vitest";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { getPurpose, isRetentionPeriod, listPurposes } from "./purposes.ts";
import {
  at,
  auditEventsOf,
  create,
  entry,
  lightOf,
  runJobs,
  setUpFixture,
  t,
  update,
} from "./purposes-fixture.ts";

setUpFixture();

describe("purposes catalogue", () => {
  it("creates a purpose with version 1 in both languages and audits it", async () => {
    const { id } = await create(entry("webinar_invitations"));
    const purpose = await getPurpose(t.db, id);
    expect(purpose).toMatchObject({
      key: "webinar_invitations",
      currentVersion: 1,
      minValidVersion: 1,
      dataCategories: ["contact data", "usage data"],
    });
    expect(purpose?.versions).toHaveLength(1);
    expect(purpose?.versions[0]?.texts.en?.name).toBe("Purpose webinar_invitations");
    const events = await auditEventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "purpose.created", entityType: "purpose", personId: null });
    expect(events[0]?.changes).toMatchObject({
      key: "webinar_invitations",
      fields: { retentionPeriod: { before: null, after: "P2Y" } },
    });
  });

  it("rejects a duplicate key, an invalid key and an invalid retention period", async () => {
    await create(entry("trade_fair"));
    await expect(create(entry("trade_fair"))).rejects.toMatchObject({ code: "conflict" });
    await expect(create(entry("Trade-Fair"))).rejects.toBeInstanceOf(DomainError);
    await expect(create(entry("fair_two", { retentionPeriod: "2 years" }))).rejects.toMatchObject({
      code: "validation",
    });
    const keys = (await listPurposes(t.db, "de")).map((row) => row.key);
    expect(keys.filter((key) => key === "trade_fair")).toHaveLength(1);
    expect(keys).not.toContain("fair_two");
  });

  it("accepts ISO-8601 durations only", () => {
    for (const valid of ["P2Y", "P6M", "P1Y6M", "P30D", "P2W", "PT12H", "P1DT2H"])
      expect(isRetentionPeriod(valid)).toBe(true);
    for (const invalid of ["P", "PT", "2Y", "P0Y", "P1.5Y", "P1Y T", "p2y", ""])
      expect(isRetentionPeriod(invalid)).toBe(false);
  });

  it("a text edit adds version 2 with both languages and keeps version 1 unchanged", async () => {
    const { id } = await create(entry("customer_survey"));
    const result = await update(id, {
      texts: { de: { name: "Kundenbefragung", description: "Neue Beschreibung." } },
    });
    expect(result).toMatchObject({ version: 2, changed: true });
    const purpose = await getPurpose(t.db, id);
    expect(purpose).toMatchObject({ currentVersion: 2, minValidVersion: 1 });
    expect(purpose?.versions.map((v) => [v.version, v.material])).toEqual([
      [2, false],
      [1, false],
    ]);
    expect(purpose?.versions[0]?.texts).toEqual({
      de: { name: "Kundenbefragung", description: "Neue Beschreibung." },
      en: { name: "Purpose customer_survey", description: "We use your data for customer_survey." },
    });
    expect(purpose?.versions[1]?.texts.de).toEqual({
      name: "Zweck customer_survey",
      description: "Wir nutzen Ihre Daten für customer_survey.",
    });
    const events = await auditEventsOf(id);
    expect(events.map((e) => e.action)).toEqual(["purpose.created", "purpose.version_created"]);
    expect(events[1]?.changes).toMatchObject({
      version: 2,
      material: false,
      fields: { "texts.de.name": { before: "Zweck customer_survey", after: "Kundenbefragung" } },
    });
    const fields = (events[1]!.changes as { fields: Record<string, unknown> }).fields;
    expect(Object.keys(fields)).not.toContain("texts.en.name");
  });

  it("other fields that do not widen the purpose change its row without a new version; the key stays", async () => {
    const { id } = await create(entry("product_news"));
    await update(id, {
      channels: [],
      retentionPeriod: "P3Y",
      texts: {
        de: { name: "Zweck product_news", description: "Wir nutzen Ihre Daten für product_news." },
      },
    });
    const purpose = await getPurpose(t.db, id);
    expect(purpose).toMatchObject({
      key: "product_news",
      currentVersion: 1,
      channels: [],
      retentionPeriod: "P3Y",
    });
    expect(purpose?.versions).toHaveLength(1);
    const events = await auditEventsOf(id);
    expect(events.map((e) => e.action)).toEqual(["purpose.created", "purpose.updated"]);
    // A new period changes the holders' retain-until: the light job recomputes it.
    expect(events[1]?.changes).toEqual({
      key: "product_news",
      lightsJobId: expect.any(String),
      fields: {
        channels: { before: ["email"], after: [] },
        retentionPeriod: { before: "P2Y", after: "P3Y" },
      },
    });
    await runJobs();
    // Nothing changed (a textarea's CRLF line breaks included): no write, no event.
    expect(
      await update(id, {
        retentionPeriod: "P3Y",
        texts: {
          en: { name: "Purpose product_news ", description: "We use your data for product_news.\r\n" },
        },
      }),
    ).toMatchObject({ changed: false });
    expect(await auditEventsOf(id)).toHaveLength(2);
  });

  it("#7 a material change makes a consent to version 1 invalid: red once the queued job has run", async () => {
    const purposeId = await createPurpose(t.db, { key: "newsletter", doubleOptIn: false });
    const other = await createPurpose(t.db, { key: "events", doubleOptIn: false });
    const personId = await createPerson(t.db);
    const bystander = await createPerson(t.db);
    await createRecord(t.db, { personId, purposeId, state: "granted", purposeVersion: 1, at });
    await createRecord(t.db, {
      personId: bystander,
      purposeId: other,
      state: "granted",
      purposeVersion: 1,
      at,
    });
    expect(await lightOf(personId)).toBe("green");

    // A non-material edit keeps consents to version 1 valid.
    await update(purposeId, { texts: { en: { name: "Newsletter", description: "Monthly news." } } });
    expect(await lightOf(personId)).toBe("green");

    expect(await runJobs()).toMatchObject({ jobs: [] });

    const result = await update(purposeId, {
      texts: { de: { name: "Newsletter", description: "Jetzt auch mit Profiling." } },
      material: true,
    });
    expect(result).toMatchObject({ material: true, reasons: ["marked_by_editor"] });
    const purpose = await getPurpose(t.db, purposeId);
    expect(purpose).toMatchObject({ currentVersion: 3, minValidVersion: 3 });
    expect(purpose?.versions[0]).toMatchObject({ version: 3, material: true });
    // The edit returned without touching lights: stale until the job runs.
    expect(await lightOf(personId)).toBe("green");
    expect(await runJobs()).toMatchObject({
      jobs: [{ id: result.lightsJobId, state: "done", processed: 1 }],
    });
    expect(await lightOf(personId)).toBe("red");
    expect(await lightOf(bystander)).toBe("green");
    const events = await auditEventsOf(purposeId);
    expect(events.at(-1)).toMatchObject({ action: "purpose.version_created", personId: null });
    expect(events.at(-1)?.changes).toMatchObject({
      version: 3,
      previousVersion: 2,
      material: true,
      reasons: ["marked_by_editor"],
      lightsJobId: result.lightsJobId,
    });
  });

  it("#7 widening the scope is material although the editor did not tick it; a wording fix is not", async () => {
    const { id } = await create(entry("widened_offers", { doubleOptIn: false }));
    const personId = await createPerson(t.db);
    await createRecord(t.db, { personId, purposeId: id, state: "granted", purposeVersion: 1, at });
    expect(await lightOf(personId)).toBe("green");

    const wording = await update(id, {
      texts: { en: { name: "Purpose widened_offers", description: "We use your data for widened offers." } },
    });
    expect(wording).toMatchObject({ version: 2, material: false, lightsJobId: null });

    const widened = await update(id, {
      channels: ["email", "phone"],
      recipients: ["Mail service provider", "Call centre"],
    });
    expect(widened).toMatchObject({
      version: 3,
      material: true,
      reasons: ["channel_added", "recipient_added"],
    });
    expect(widened.lightsJobId).not.toBeNull();
    const purpose = await getPurpose(t.db, id);
    expect(purpose).toMatchObject({ currentVersion: 3, minValidVersion: 3, channels: ["email", "phone"] });
    // The new version keeps the texts: what changed is the scope the texts are about.
    expect(purpose?.versions[0]).toMatchObject({ version: 3, material: true });
    expect(purpose?.versions[0]?.texts.en?.description).toBe("We use your data for widened offers.");

    for (const change of [
      { dataCategories: ["contact data", "usage data", "phone number"] },
      {
        defaultLegalBasis: "legitimate_interests" as const,
        allowedLegalBases: ["legitimate_interests" as const],
      },
      { allowedLegalBases: ["consent" as const, "legitimate_interests" as const] },
      { directMarketing: true },
    ]) {
      const before = (await getPurpose(t.db, id))!.minValidVersion;
      const result = await update(id, change);
      expect(result.material).toBe(true);
      expect((await getPurpose(t.db, id))!.minValidVersion).toBe(before + 1);
    }
    // Narrowing stays non-material: no new version.
    const narrowed = await update(id, { channels: ["email"], directMarketing: false });
    expect(narrowed).toMatchObject({ material: false, changed: true, version: 7 });
    await runJobs();
    expect(await lightOf(personId)).toBe("red");
  });

  it("a material flag without a text change is refused", async () => {
    const { id } = await create(entry("partner_offers"));
    await expect(update(id, { active: false, material: true })).rejects.toMatchObject({
      code: "validation",
      message: "material_without_text_change",
    });
    expect((await getPurpose(t.db, id))?.active).toBe(true);
  });

  it("#7 retiring a purpose refreshes the lights of its holders through the job", async () => {
    const purposeId = await createPurpose(t.db, { key: "retired_later", doubleOptIn: false });
    const keep = await createPurpose(t.db, { key: "kept", doubleOptIn: false });
    const personId = await createPerson(t.db);
    await createRecord(t.db, { personId, purposeId, state: "withdrawn", at });
    await createRecord(t.db, { personId, purposeId: keep, state: "granted", at });
    expect(await lightOf(personId)).toBe("yellow");
    const result = await update(purposeId, { active: false });
    expect(result.lightsJobId).not.toBeNull();
    expect(await lightOf(personId)).toBe("yellow");
    await runJobs();
    expect(await lightOf(personId)).toBe("green");
  });

  it("an unknown purpose is not found", async () => {
    expect(await getPurpose(t.db, "00000000-0000-0000-0000-000000000000")).toBeNull();
    await expect(update("00000000-0000-0000-0000-000000000000", { active: false })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
