import { afterAll, beforeAll } from "vitest";
import type { Actor } from "../audit/record-audit.ts";
import { bulkJobHandlers } from "../jobs/handlers.ts";
import { runBulkJobs } from "../jobs/run-bulk-jobs.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { createPurposeEntry, type NewPurposeEntry, updatePurposeEntry } from "./purposes.ts";

export const at = new Date("2026-11-29T12:00:00Z");
export const actor: Actor = { type: "staff", id: "staff-dpo" };
export let t: TestDatabase;

export function entry(key: string, overrides: Partial<NewPurposeEntry> = {}): NewPurposeEntry {
  return {
    key,
    texts: {
      de: { name: `Zweck ${key}`, description: `Wir nutzen Ihre Daten für ${key}.` },
      en: { name: `Purpose ${key}`, description: `We use your data for ${key}.` },
    },
    defaultLegalBasis: "consent",
    channels: ["email"],
    doubleOptIn: true,
    retentionPeriod: "P2Y",
    dataCategories: ["contact data", " usage data "],
    recipients: ["Mail service provider"],
    active: true,
    ...overrides,
  };
}

export const create = (input: NewPurposeEntry) =>
  t.db.transaction().execute((trx) => createPurposeEntry(trx, input, actor, at));
export const update = (id: string, input: Parameters<typeof updatePurposeEntry>[2]) =>
  t.db.transaction().execute((trx) => updatePurposeEntry(trx, id, input, actor, at));

export async function auditEventsOf(id: string) {
  return t.db
    .selectFrom("auditEvent")
    .select(["action", "entityType", "personId", "actorId", "changes"])
    .where("entityId", "=", id)
    .orderBy("id")
    .execute();
}

export const runJobs = () => runBulkJobs(t.db, bulkJobHandlers, { now: () => at });

export async function lightOf(personId: string) {
  const row = await t.db
    .selectFrom("person")
    .select("trafficLight")
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  return row.trafficLight;
}

/** One database for the test file, set up and closed around its tests. */
export function setUpFixture(): void {
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());
}
