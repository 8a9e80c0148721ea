import { afterAll, beforeAll } from "vitest";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { type BulkJobHandlers, runBulkJobs } from "../jobs/index.ts";
import { getCompanySettings, updateCompanySettings } from "../repositories/settings.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { retentionSweepJob } from "./retention-runs.ts";
import { retentionSweepHandler } from "./retention-sweep-job.ts";

// Shared by the retention sweep tests: persons due, not due, restricted and under a manual date.
export const at = new Date("2026-11-30T09:00:00Z");
export const today = "2026-11-30";
export const secret = "test-suppression-secret";
export const system = { type: "system" as const, id: "retention" };
export const dpo = { id: "staff-dpo", role: "dpo" as const };
const longAgo = new Date("2020-03-01T10:00:00Z");
export let t: TestDatabase;

export function setUpRetentionFixture(): void {
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());
}

export const handlers = (): BulkJobHandlers => ({
  [retentionSweepJob]: retentionSweepHandler({ suppressionSecret: secret }),
});

export const runSweep = (options: { batchSize?: number; handlers?: BulkJobHandlers; now?: Date } = {}) =>
  runBulkJobs(t.db, options.handlers ?? handlers(), {
    now: () => options.now ?? at,
    batchSize: options.batchSize ?? 3,
  });

/** What a runner did over all the jobs it ran (a run has one job per id partition). */
export const totals = (summary: Awaited<ReturnType<typeof runSweep>>) => ({
  jobs: summary.jobs.length,
  states: [...new Set(summary.jobs.map((job) => job.state))],
  processed: summary.processed,
});

export async function setCompany(db: Database, change: Parameters<typeof updateCompanySettings>[1]) {
  await db
    .transaction()
    .execute((trx) =>
      updateCompanySettings(trx, change, { staffUserId: "admin", at: new Date(at.getTime() - 1) }),
    );
}

export async function useAction(action: "erase_level_3" | "erase_level_1" | "review") {
  await setCompany(t.db, {
    ...(await getCompanySettings(t.db)),
    dpoEmail: "dpo@company.example",
    dpoName: "Dana",
    retentionAction: action,
  });
}

/**
 * `due` persons whose only consent was withdrawn in 2020 (purpose period P3Y: due since 2023), each
 * with an e-mail address and a phone; `kept` persons with a running contract; one restricted
 * person and one with a manual date in the future, both otherwise due.
 */
export async function retentionPopulation(tag: string, due: number, kept = 2) {
  const newsletter = await createPurpose(t.db, { key: `${tag}_newsletter`, retentionPeriod: "P3Y" });
  const contract = await createPurpose(t.db, { key: `${tag}_contract`, defaultLegalBasis: "contract" });
  const make = async (i: number, valid: boolean) => {
    const personId = await createPerson(t.db, {
      lastName: `${tag} ${i}`,
      emails: [`${tag}.${i}@example.org`],
      createdAt: longAgo,
    });
    await t.db
      .insertInto("personPhone")
      .values({ personId, number: `+49 30 555${i}`, kind: "mobile" })
      .execute();
    await createRecord(t.db, { personId, purposeId: newsletter, state: "withdrawn", at: longAgo });
    if (valid)
      await createRecord(t.db, { personId, purposeId: contract, legalBasis: "contract", state: "active" });
    return personId;
  };
  const dueIds: string[] = [];
  for (let i = 0; i < due; i++) dueIds.push(await make(i, false));
  const keptIds: string[] = [];
  for (let i = 0; i < kept; i++) keptIds.push(await make(due + i, true));
  const restricted = await make(due + kept, false);
  await t.db
    .updateTable("person")
    .set({ restricted: true, restrictedAt: at, restrictionReason: "disputed" })
    .where("id", "=", restricted)
    .execute();
  const manual = await make(due + kept + 1, false);
  await t.db
    .updateTable("person")
    .set({ retentionManualUntil: "2027-06-01", retentionManualReason: "pending claim" })
    .where("id", "=", manual)
    .execute();
  await recordAudit(t.db, {
    actor: system,
    action: "test.population",
    entityType: "test",
    changes: { tag },
    at: longAgo,
  });
  return { dueIds, keptIds, restricted, manual, notDue: [...keptIds, restricted, manual] };
}

/** What a sweep may change about persons, to compare before and after. */
export async function personSnapshot(ids: readonly string[]) {
  return t.db
    .selectFrom("person")
    .select([
      "id",
      "firstName",
      "lastName",
      "erasedLevel",
      "retentionReviewAt",
      "retentionManualUntil",
      "mailBlocks",
      "retainUntil",
    ])
    .where("id", "in", ids)
    .orderBy("id")
    .execute();
}

export async function erasuresOf(ids: readonly string[]) {
  return t.db
    .selectFrom("erasure")
    .select(["personId", "level", "reason", "actorType", "retentionRunId"])
    .where("personId", "in", ids)
    .execute();
}
