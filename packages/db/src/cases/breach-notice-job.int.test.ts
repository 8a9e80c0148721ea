import { breachNoticeReach, type Language, type RiskLevel } from "@purposeful/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkJobHandlers } from "../jobs/handlers.ts";
import { runBulkJobs } from "../jobs/run-bulk-jobs.ts";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import { breachNoticeJob, breachNoticeReachSql } from "./breach-notice-job.ts";
import { assessIncidentRisk, completeIncidentStep, createIncident } from "./incidents.ts";
import { startSubjectsNotification, subjectsNotificationProgress } from "./subjects-notification.ts";

let t: TestDatabase;
let dpo: string;
let staff: string;
const awareAt = new Date("2026-11-02T08:00:00Z");
const at = new Date("2026-11-03T10:00:00Z");
const ids: Record<string, string> = {};
const tx = <T>(run: (trx: typeof t.db) => Promise<T>) => t.db.transaction().execute(run);
const asDpo = () => ({ staffUserId: dpo, role: "dpo" as const, at });
const run = (handlers = bulkJobHandlers) => runBulkJobs(t.db, handlers, { now: () => at, batchSize: 2 });

beforeAll(async () => {
  t = await createTestDatabase();
  dpo = await createStaffUser(t.db, { email: "d@x.test", name: "Dana", role: "dpo", passwordHash: "x" });
  staff = await createStaffUser(t.db, { email: "s@x.test", name: "Sam", role: "staff", passwordHash: "x" });
  const person = (name: string, email: boolean, language: Language = "de") =>
    createPerson(t.db, {
      firstName: name,
      lastName: "Betroffen",
      emails: email ? [`${name.toLowerCase()}@example.test`] : [],
      preferredLanguage: language,
    });
  ids.Anna = await person("Anna", true);
  ids.Ben = await person("Ben", true, "en");
  ids.Carla = await person("Carla", false);
  ids.Dirk = await person("Dirk", true);
  ids.Emil = await person("Emil", true);
  // Restricted (Art. 18) and blocked for mail: the notice still goes (see breachNoticeReach).
  await t.db.updateTable("person").set({ restricted: true }).where("id", "=", ids.Ben).execute();
  await t.db
    .updateTable("person")
    .set({ erasedLevel: 1, mailBlocks: ["email"] })
    .where("id", "=", ids.Emil)
    .execute();
  await t.db.updateTable("person").set({ erasedLevel: 3 }).where("id", "=", ids.Dirk).execute();
});
afterAll(async () => t?.close());

/** An incident with every test person linked, taken up to the Art. 34 step at `risk`. */
async function incidentAt(risk: RiskLevel | null, options: { authority?: boolean } = {}) {
  const { id } = await tx((trx) =>
    createIncident(
      trx,
      {
        title: "Mailbox compromised",
        awareAt,
        occurredAt: null,
        discoveredBy: null,
        nature: "An attacker read the support mailbox.",
        dataCategories: ["contact data"],
        subjectsApprox: 5,
        recordsApprox: 40,
        personIds: Object.values(ids),
      },
      { staffUserId: staff, at: awareAt },
    ),
  );
  await tx((trx) => completeIncidentStep(trx, { incidentId: id, key: "contain" }, asDpo()));
  if (risk === null) return id;
  await tx((trx) =>
    assessIncidentRisk(
      trx,
      {
        incidentId: id,
        risk,
        reasons: "Passwords and addresses were read",
        consequences: null,
        measures: null,
      },
      asDpo(),
    ),
  );
  if (options.authority !== false)
    await tx((trx) =>
      completeIncidentStep(
        trx,
        risk === "none"
          ? { incidentId: id, key: "notify_authority", skipReason: "No risk" }
          : { incidentId: id, key: "notify_authority", notifiedAt: at },
        asDpo(),
      ),
    );
  return id;
}

const mailsOf = (incidentId: string) =>
  t.db
    .selectFrom("outboxMessage")
    .select(["personId", "toAddress", "language", "template", "props"])
    .where("idempotencyKey", "like", `breach-notice:${incidentId}:%`)
    .orderBy("toAddress")
    .execute();

describe("Art. 34 notice to the people affected (issue 11 #6)", () => {
  it("queues one mail per reachable linked person, counts and lists the others, and completes the step", async () => {
    const incidentId = await incidentAt("high");
    const before = await subjectsNotificationProgress(t.db, incidentId, at);
    expect(before).toMatchObject({ allowed: true, required: true, total: 5, reachable: 3, job: null });

    const started = await tx((trx) => startSubjectsNotification(trx, { incidentId }, asDpo()));
    expect(started).toMatchObject({ reused: false, required: true, persons: 5 });
    // Started again while queued: the same job.
    const again = await tx((trx) => startSubjectsNotification(trx, { incidentId }, asDpo()));
    expect(again).toMatchObject({ jobId: started.jobId, reused: true });

    const summary = await run();
    expect(summary.jobs).toEqual([
      expect.objectContaining({ id: started.jobId, state: "done", processed: 5 }),
    ]);
    const mails = await mailsOf(incidentId);
    expect(mails.map((m) => [m.toAddress, m.language, m.template])).toEqual([
      ["anna@example.test", "de", "breach-notice"],
      ["ben@example.test", "en", "breach-notice"],
      ["emil@example.test", "de", "breach-notice"],
    ]);
    expect(mails[0]!.props).toEqual({ incidentId });

    const progress = await subjectsNotificationProgress(t.db, incidentId, at);
    expect(progress).toMatchObject({
      allowed: false,
      total: 5,
      queued: 3,
      sent: 0,
      notReachable: 2,
      done: true,
    });
    expect(progress.notifiedAt).toEqual(at);
    expect(progress.unreachable.map((p) => [p.name, p.reason]).sort()).toEqual([
      ["Carla Betroffen", "no_email"],
      ["Dirk Betroffen", "erased"],
    ]);
    const step = await t.db
      .selectFrom("caseStep")
      .select(["doneAt", "doneBy", "result"])
      .where("incidentId", "=", incidentId)
      .where("key", "=", "notify_data_subjects")
      .executeTakeFirstOrThrow();
    expect(step).toMatchObject({ doneAt: at, doneBy: dpo });
    expect(step.result).toEqual({ bulkJobId: started.jobId, queued: "3", notReachable: "2" });
    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["action", "changes", "personId"])
      .where("entityId", "=", incidentId)
      .where("action", "in", ["incident.subjects_notification_started", "incident.subjects_notified"])
      .execute();
    // Once per linked person, with counts only.
    expect(audit.filter((e) => e.action === "incident.subjects_notified")).toHaveLength(5);
    expect(audit.find((e) => e.action === "incident.subjects_notified")?.changes).toEqual({
      queued: 3,
      notReachable: 2,
    });
    expect(JSON.stringify(audit)).not.toContain("@example.test");

    // A second run finds nothing to do; the same batch run again queues nothing more.
    expect((await run()).jobs).toEqual([]);
    await tx((trx) =>
      bulkJobHandlers[breachNoticeJob]!.batch(
        trx,
        {
          id: started.jobId,
          kind: breachNoticeJob,
          subjectId: incidentId,
          params: {},
          total: 5,
          attempts: 0,
          leaseUntil: at,
        },
        { cursor: null, limit: 10, now: at },
      ),
    );
    expect(await mailsOf(incidentId)).toHaveLength(3);
    expect(await reasonOf(tx((trx) => startSubjectsNotification(trx, { incidentId }, asDpo())))).toBe(
      "case_step_already_done",
    );
  });

  it("resumes after a crash mid-batch without mailing anyone twice", async () => {
    const incidentId = await incidentAt("risk");
    const { jobId, required } = await tx((trx) => startSubjectsNotification(trx, { incidentId }, asDpo()));
    expect(required).toBe(false);
    const handler = bulkJobHandlers[breachNoticeJob]!;
    let batches = 0;
    const crashing = {
      [breachNoticeJob]: {
        ...handler,
        batch: async (...args: Parameters<typeof handler.batch>) => {
          batches++;
          const result = await handler.batch(...args);
          // The batch's mails were inserted, then the runner died before its commit.
          if (batches === 2) throw new Error("simulated crash in the second batch");
          return result;
        },
      },
    };
    const first = await run(crashing);
    expect(first.jobs[0]).toMatchObject({ id: jobId, state: "running", processed: 2 });
    const midway = await subjectsNotificationProgress(t.db, incidentId, at);
    // The first batch, the two lowest ids, committed; the second did not.
    const reachable = new Set([ids.Anna, ids.Ben, ids.Emil]);
    const firstTwo = Object.values(ids).sort().slice(0, 2);
    const queuedFirst = firstTwo.filter((id) => reachable.has(id)).length;
    expect(midway).toMatchObject({ done: false, queued: queuedFirst, job: { processed: 2, total: 5 } });
    expect(midway.notReachable).toBe(2 - queuedFirst);
    const second = await run();
    expect(second.jobs[0]).toMatchObject({ id: jobId, state: "done" });
    expect(await mailsOf(incidentId)).toHaveLength(3);
    const progress = await subjectsNotificationProgress(t.db, incidentId, at);
    expect(progress).toMatchObject({ queued: 3, notReachable: 2, done: true, job: { processed: 5 } });
  });

  it("is refused before the risk is assessed, at no risk, to staff and before the authority step", async () => {
    const start = (incidentId: string, by: Parameters<typeof startSubjectsNotification>[2] = asDpo()) =>
      reasonOf(tx((trx) => startSubjectsNotification(trx, { incidentId }, by)));
    expect(await start(await incidentAt(null))).toBe("risk_not_assessed");
    const none = await incidentAt("none");
    expect(await start(none)).toBe("subjects_notification_not_allowed");
    expect(await subjectsNotificationProgress(t.db, none, at)).toMatchObject({
      allowed: false,
      refusal: "subjects_notification_not_allowed",
    });
    const high = await incidentAt("high", { authority: false });
    expect(await start(high)).toBe("case_step_not_next");
    expect(await start(await incidentAt("high"), { staffUserId: staff, role: "staff", at })).toBe(
      "case_step_role",
    );
    const jobs = await t.db
      .selectFrom("bulkJob")
      .select("id")
      .where("subjectId", "in", [none, high])
      .execute();
    expect(jobs).toEqual([]);
  });

  it("routes in SQL exactly as breachNoticeReach decides, over every combination of facts", async () => {
    const combos = [0, 1, 2, 3].flatMap((erasedLevel) =>
      [true, false].flatMap((hasEmail) =>
        [true, false].map((restricted) => ({ erasedLevel, hasEmail, restricted })),
      ),
    );
    for (const facts of combos) {
      const personId = await createPerson(t.db, {
        emails: facts.hasEmail ? [`${crypto.randomUUID()}@x.test`] : [],
      });
      await t.db
        .updateTable("person")
        .set({ erasedLevel: facts.erasedLevel, restricted: facts.restricted })
        .where("id", "=", personId)
        .execute();
      const { rows } = await sql<{ reach: string }>`SELECT ${breachNoticeReachSql} AS reach FROM person pe
        LEFT JOIN person_email em ON em.person_id = pe.id AND em.is_primary WHERE pe.id = ${personId}`.execute(
        t.db,
      );
      expect({ ...facts, reach: rows[0]!.reach }).toEqual({ ...facts, reach: breachNoticeReach(facts) });
    }
  });
});
