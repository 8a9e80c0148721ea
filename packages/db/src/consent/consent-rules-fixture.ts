import { afterAll, beforeAll } from "vitest";
import { createPurpose } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";

// Shared by the consent-rule test files: one database per file, the same purposes, the same helpers.
export const at = new Date("2026-11-29T12:00:00Z");
export const staff = { type: "staff" as const, id: "staff-1" };
export let t: TestDatabase;
export let newsletter: string; // double opt-in, direct marketing, e-mail
export let catalogue: string; // legitimate interests (UWG §7(3)), direct marketing, e-mail + post
export let contract: string;
export let service: string; // consent or contract allowed
export const tx = <T>(run: (trx: TestDatabase["db"]) => Promise<T>) => t.db.transaction().execute(run);

/** Registers the file's database and purposes. */
export function setUpConsentRules(): void {
  beforeAll(async () => {
    t = await createTestDatabase();
    newsletter = await createPurpose(t.db, { key: "newsletter", doubleOptIn: true, directMarketing: true });
    catalogue = await createPurpose(t.db, {
      key: "catalogue",
      defaultLegalBasis: "legitimate_interests",
      allowedLegalBases: ["legitimate_interests", "consent"],
      channels: ["email", "post"],
      directMarketing: true,
    });
    contract = await createPurpose(t.db, { key: "delivery", defaultLegalBasis: "contract" });
    service = await createPurpose(t.db, {
      key: "service",
      defaultLegalBasis: "consent",
      allowedLegalBases: ["consent", "contract"],
    });
  });
  afterAll(async () => t?.close());
}

export const record = (personId: string, purposeId: string) =>
  t.db
    .selectFrom("processingRecord")
    .selectAll()
    .where("personId", "=", personId)
    .where("purposeId", "=", purposeId)
    .executeTakeFirstOrThrow();
export const light = async (personId: string) =>
  (
    await t.db
      .selectFrom("person")
      .select("trafficLight")
      .where("id", "=", personId)
      .executeTakeFirstOrThrow()
  ).trafficLight;
export const actions = async (personId: string) =>
  (
    await t.db
      .selectFrom("auditEvent")
      .select(["action", "changes"])
      .where("personId", "=", personId)
      .orderBy("id")
      .execute()
  ).map((row) => ({ action: row.action, changes: row.changes as Record<string, unknown> }));
