import type { RecordState } from "@purposeful/domain";
import { afterAll, beforeAll } from "vitest";
import type { Actor } from "../audit/record-audit.ts";
import { updatePurposeEntry } from "../repositories/purposes-write.ts";
import { refreshAllTrafficLights } from "../repositories/traffic-lights.ts";
import { createPurpose } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";

export const at = new Date("2026-11-30T09:00:00Z");
export const actor: Actor = { type: "staff", id: "staff-dpo" };
export const LEASE_MS = 60_000;
export let t: TestDatabase;

export const states: RecordState[] = ["granted", "confirmed", "withdrawn", "declined", "requested"];

/**
 * A purpose held by `holders` persons (consents to version 1 in mixed states), each of whom also
 * holds a valid record of a second purpose, plus persons without it; lights are current.
 */
export async function catalogueWithHolders(key: string, holders: number) {
  const purposeId = await createPurpose(t.db, { key, doubleOptIn: false });
  const other = await createPurpose(t.db, { key: `${key}_other`, doubleOptIn: false });
  const persons = await t.db
    .insertInto("person")
    .values(Array.from({ length: holders + 20 }, (_, i) => ({ firstName: "Job", lastName: `${key} ${i}` })))
    .returning("id")
    .execute();
  const ids = persons.map((row) => row.id);
  await t.db
    .insertInto("processingRecord")
    .values([
      ...ids.slice(0, holders).map((personId, i) => ({
        personId,
        purposeId,
        legalBasis: "consent" as const,
        state: states[i % states.length]!,
        source: "manual" as const,
        purposeVersion: 1,
        grantedAt: at,
      })),
      ...ids.map((personId) => ({
        personId,
        purposeId: other,
        legalBasis: "contract" as const,
        state: "active" as const,
        source: "manual" as const,
      })),
    ])
    .execute();
  await refreshAllTrafficLights(t.db, at);
  return { purposeId, ids };
}

export async function lights(ids: string[]) {
  const rows = await t.db
    .selectFrom("person")
    .select(["id", "trafficLight", "lightRecheckAt"])
    .where("id", "in", ids)
    .orderBy("id")
    .execute();
  return rows.map((row) => `${row.id}:${row.trafficLight}:${row.lightRecheckAt?.toISOString() ?? "-"}`);
}

export const widen = (purposeId: string) =>
  t.db
    .transaction()
    .execute((trx) => updatePurposeEntry(trx, purposeId, { channels: ["email", "phone"] }, actor, at));

/** One database for the test file, set up and closed around its tests. */
export function setUpFixture(): void {
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());
}
