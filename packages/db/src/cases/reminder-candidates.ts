import {
  type DueReminder,
  firstIncidentReminderHours,
  followUpReminders,
  incidentReminders,
  type ReminderContext,
  type RequestType,
  requestReminderHorizon,
  requestReminders,
} from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { incidentNumber } from "./incidents.ts";
import { caseNumber } from "./request-case-view.ts";

/**
 * The open requests, incidents and follow-ups that may need a reminder at `now`, a batch at a time
 * in id order (keyset), selected set-based: the SQL only narrows the candidates (open, within the
 * reminder horizon or past its first reminder); packages/domain decides which reminders are due.
 */

/** A due reminder with what its mail may say: the case number, never the data subject. */
export interface ReminderWithFacts extends DueReminder {
  assigneeId: string | null;
  caseNumber: string | null;
  requestType: RequestType | null;
}

export type CandidateKind = "request" | "incident" | "follow_up";

export interface CandidateBatch {
  reminders: ReminderWithFacts[];
  /** the batch's last id, for the next batch; null when this was the last */
  cursor: string | null;
  scanned: number;
}

/** Whether a staff user can be reminded: exists and is not deactivated. */
const activeAssignee = sql<boolean>`EXISTS (SELECT 1 FROM staff_user s WHERE s.id = assignee_id AND NOT s.banned)`;

export async function reminderCandidates(
  db: Database,
  kind: CandidateKind,
  ctx: ReminderContext & { today: string },
  after: string | null,
  batchSize: number,
): Promise<CandidateBatch> {
  const page = <T extends { id: string }>(rows: T[]) => ({
    cursor: rows.length === batchSize ? (rows.at(-1)?.id ?? null) : null,
    scanned: rows.length,
  });
  if (kind === "request") {
    const rows = await db
      .selectFrom("dataSubjectRequest")
      .select(["id", "number", "receivedAt", "type", "dueDate", "extendedDueDate", "assigneeId"])
      .select(activeAssignee.as("assigneeActive"))
      .where("status", "<>", "closed")
      .where(sql<string>`coalesce(extended_due_date, due_date)`, "<=", requestReminderHorizon(ctx))
      .$if(after !== null, (qb) => qb.where("id", ">", after as string))
      .orderBy("id")
      .limit(batchSize)
      .execute();
    const reminders = rows.flatMap((row) =>
      requestReminders(
        {
          id: row.id,
          dueDate: row.extendedDueDate ?? row.dueDate,
          extended: row.extendedDueDate !== null,
          closed: false,
          hasAssignee: row.assigneeActive,
        },
        ctx,
      ).map((reminder) => ({
        ...reminder,
        assigneeId: row.assigneeActive ? row.assigneeId : null,
        caseNumber: caseNumber(row.number, row.receivedAt),
        requestType: row.type,
      })),
    );
    return { reminders, ...page(rows) };
  }
  if (kind === "incident") {
    const firstReminderAt = new Date(ctx.now.getTime() - firstIncidentReminderHours * 3_600_000);
    const rows = await db
      .selectFrom("incident")
      .select(["id", "number", "awareAt", "risk", "riskAssessedAt", "assigneeId"])
      .select(activeAssignee.as("assigneeActive"))
      .where("status", "<>", "closed")
      .where("authorityNotifiedAt", "is", null)
      .where("awareAt", "<=", firstReminderAt)
      .$if(after !== null, (qb) => qb.where("id", ">", after as string))
      .orderBy("id")
      .limit(batchSize)
      .execute();
    const reminders = rows.flatMap((row) =>
      incidentReminders(
        {
          id: row.id,
          awareAt: row.awareAt,
          authorityNotifiedAt: null,
          // Before the assessment, the column's default says nothing (migration 0020).
          risk: row.riskAssessedAt ? row.risk : null,
          closed: false,
          hasAssignee: row.assigneeActive,
        },
        ctx,
      ).map((reminder) => ({
        ...reminder,
        assigneeId: row.assigneeActive ? row.assigneeId : null,
        caseNumber: incidentNumber(row.number, row.awareAt),
        requestType: null,
      })),
    );
    return { reminders, ...page(rows) };
  }
  const rows = await db
    .selectFrom("followUp as f")
    .leftJoin("dataSubjectRequest as r", "r.id", "f.requestId")
    .leftJoin("incident as i", "i.id", "f.incidentId")
    .select([
      "f.id",
      "f.dueOn",
      "f.assigneeId",
      "r.number as requestNumber",
      "r.receivedAt",
      "i.number as incidentNumber",
      "i.awareAt",
    ])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM staff_user s WHERE s.id = f.assignee_id AND NOT s.banned)`.as(
        "assigneeActive",
      ),
    )
    .where("f.doneAt", "is", null)
    .where("f.dueOn", "<", ctx.today)
    .$if(after !== null, (qb) => qb.where("f.id", ">", after as string))
    .orderBy("f.id")
    .limit(batchSize)
    .execute();
  const reminders = rows.flatMap((row) =>
    followUpReminders(
      { id: row.id, dueOn: row.dueOn, done: false, hasAssignee: row.assigneeActive },
      ctx,
    ).map((reminder) => ({
      ...reminder,
      assigneeId: row.assigneeActive ? row.assigneeId : null,
      caseNumber:
        row.requestNumber !== null && row.receivedAt
          ? caseNumber(row.requestNumber, row.receivedAt)
          : row.incidentNumber !== null && row.awareAt
            ? incidentNumber(row.incidentNumber, row.awareAt)
            : null,
      requestType: null,
    })),
  );
  return { reminders, ...page(rows) };
}
