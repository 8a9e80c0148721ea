import {
  type BreachNoticeReach,
  checkStepCompletion,
  checkSubjectsNotification,
  DomainError,
  type DomainErrorReason,
  isDomainError,
  type StaffRole,
} from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { type BulkJobView, enqueueBulkJob, latestBulkJob } from "../jobs/bulk-jobs.ts";
import { breachNoticeJob, breachNoticeKeySql, breachNoticeReachSql } from "./breach-notice-job.ts";
import { type CaseActor, caseAuditActor } from "./case-support.ts";
import { auditIncidentOnce } from "./incident-report.ts";
import { incidentCase } from "./incidents.ts";

/**
 * Starts the Art. 34 notification of the people linked to an incident as a bulk job
 * (breach-notice-job.ts): only once the risk is assessed and allows it (`checkSubjectsNotification`:
 * required at high risk, voluntary at "risk", refused at "none"), when the step is next, by the DPO.
 * A job still queued or running is returned rather than started twice. Audited with counts only.
 */
export async function startSubjectsNotification(
  trx: Database,
  input: { incidentId: string },
  by: CaseActor & { role: StaffRole },
): Promise<{ jobId: string; reused: boolean; required: boolean; persons: number }> {
  if (!isUuid(input.incidentId)) throw new DomainError("not_found", "incident_not_found");
  await trx.selectFrom("incident").select("id").where("id", "=", input.incidentId).forUpdate().execute();
  const view = await incidentCase(trx, input.incidentId, by.at);
  if (view.status === "closed") throw new DomainError("conflict", "incident_closed");
  const { required } = checkSubjectsNotification(view.risk);
  const persons = view.personIds.length;
  const latest = await latestBulkJob(trx, breachNoticeJob, view.id);
  if (latest && (latest.state === "queued" || latest.state === "running"))
    return { jobId: latest.id, reused: true, required, persons };
  checkStepCompletion(view.progress, { key: "notify_data_subjects", role: by.role });
  const job = await enqueueBulkJob(trx, {
    kind: breachNoticeJob,
    subjectId: view.id,
    actor: caseAuditActor(by, null),
    at: by.at,
  });
  await auditIncidentOnce(
    trx,
    view.id,
    "incident.subjects_notification_started",
    { persons, voluntary: !required },
    by,
  );
  return { jobId: job.id, reused: false, required, persons };
}

export interface UnreachablePerson {
  personId: string;
  name: string;
  reason: Exclude<BreachNoticeReach, "email">;
}

export interface SubjectsNotificationProgress {
  /** whether a notification may be started, and must be (Art. 34(1)); the reason when not */
  allowed: boolean;
  required: boolean;
  refusal: DomainErrorReason | null;
  /** persons linked to the incident */
  total: number;
  /** of them, with an address the notice can go to now: how many the confirmation names */
  reachable: number;
  job: Pick<BulkJobView, "id" | "state" | "total" | "processed" | "error" | "finishedAt"> | null;
  /** mails queued for this incident, and of them sent (or captured without a provider) */
  queued: number;
  sent: number;
  /** queued but given up (dead) or cancelled since (e.g. the person was erased meanwhile) */
  undelivered: number;
  /** persons the job went past without a mail, with why (listed up to `unreachableListLimit`) */
  notReachable: number;
  unreachable: UnreachablePerson[];
  done: boolean;
  notifiedAt: Date | null;
}

export const unreachableListLimit = 200;

/** Where the Art. 34 notification of an incident stands, for the confirmation and the progress bar. */
export async function subjectsNotificationProgress(
  db: Database,
  incidentId: string,
  now: Date,
): Promise<SubjectsNotificationProgress> {
  const view = await incidentCase(db, incidentId, now);
  let required = false;
  let refusal: DomainErrorReason | null = null;
  try {
    required = checkSubjectsNotification(view.risk).required;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    refusal = error.reason;
  }
  const latest = await latestBulkJob(db, breachNoticeJob, view.id);
  const cursor = latest?.state === "done" ? null : ((await jobCursor(db, latest?.id)) ?? "");
  const rows = await sql<{
    personId: string;
    name: string;
    reach: BreachNoticeReach;
    mailStatus: string | null;
  }>`
    SELECT cl.person_id AS "personId", trim(pe.first_name || ' ' || pe.last_name) AS name,
      ${breachNoticeReachSql} AS reach, om.status AS "mailStatus"
    FROM (SELECT DISTINCT person_id FROM case_link WHERE incident_id = ${view.id} AND person_id IS NOT NULL) cl
    JOIN person pe ON pe.id = cl.person_id
    LEFT JOIN person_email em ON em.person_id = pe.id AND em.is_primary
    LEFT JOIN outbox_message om ON om.idempotency_key = ${breachNoticeKeySql(view.id, sql`cl.person_id`)}
    ORDER BY cl.person_id`.execute(db);
  // Passed by the job: everyone once it is done, else those up to its cursor (none before it ran).
  const passed = (personId: string) => latest !== null && (cursor === null || personId <= cursor);
  const unreachableRows = rows.rows.filter((row) => row.mailStatus === null && passed(row.personId));
  const count = (test: (row: (typeof rows.rows)[number]) => boolean) => rows.rows.filter(test).length;
  const stepDone = view.progress.steps.some(
    (step) => step.key === "notify_data_subjects" && (step.status === "done" || step.status === "skipped"),
  );
  return {
    allowed: refusal === null && !stepDone && view.status !== "closed",
    required,
    refusal,
    total: rows.rows.length,
    reachable: count((row) => row.reach === "email"),
    job: latest
      ? {
          id: latest.id,
          state: latest.state,
          total: latest.total,
          processed: latest.processed,
          error: latest.error,
          finishedAt: latest.finishedAt,
        }
      : null,
    queued: count((row) => row.mailStatus !== null),
    sent: count((row) => row.mailStatus === "sent" || row.mailStatus === "captured"),
    undelivered: count((row) => row.mailStatus === "dead" || row.mailStatus === "cancelled"),
    notReachable: unreachableRows.length,
    unreachable: unreachableRows.slice(0, unreachableListLimit).map((row) => ({
      personId: row.personId,
      name: row.name,
      reason: row.reach === "email" ? "no_email" : row.reach,
    })),
    done: latest?.state === "done",
    notifiedAt:
      (
        await db
          .selectFrom("incident")
          .select("subjectsNotifiedAt")
          .where("id", "=", view.id)
          .executeTakeFirst()
      )?.subjectsNotifiedAt ?? null,
  };
}

async function jobCursor(db: Database, jobId: string | undefined): Promise<string | null> {
  if (!jobId) return null;
  const row = await db.selectFrom("bulkJob").select("cursor").where("id", "=", jobId).executeTakeFirst();
  return row?.cursor ?? null;
}
