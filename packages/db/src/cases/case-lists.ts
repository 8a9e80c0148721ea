import {
  type CaseStepRecord,
  caseProgress,
  incidentDeadlineStatus,
  incidentSteps,
  mandatoryIncidentSteps,
  type RequestChannel,
  type RequestType,
  type RiskLevel,
  requestDeadlineStatus,
  stepsOfRequest,
} from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { incidentNumber } from "./incidents.ts";
import { caseNumber, companyCalendar } from "./request-case-view.ts";

/**
 * The lists of request cases and incidents (issue 11 #1, #6, #9): one query each, the steps done
 * aggregated per case, and where each case stands — days left, the next step, the 72-hour clock —
 * decided by packages/domain exactly as on the case page. Open cases come first by their deadline.
 */

export type CaseListState = "open" | "closed" | "all";

/** At most this many cases in one list; a company with more open cases has other problems. */
const listLimit = 500;

export interface RequestCaseRow {
  id: string;
  number: string;
  type: RequestType;
  channel: RequestChannel;
  status: "open" | "in_progress" | "waiting" | "closed";
  receivedAt: Date;
  dueDate: string;
  daysLeft: number;
  overdue: boolean;
  extended: boolean;
  requesterName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  persons: number;
  identityVerified: boolean;
  /** the step to do next, null once every step is done */
  nextStep: string | null;
}

const stepRecords = (done: readonly string[]): CaseStepRecord[] =>
  done.map((key) => ({ key, doneAt: new Date(0), skippedReason: null }));

export async function listRequestCases(
  db: Database,
  query: { state: CaseListState; now: Date; ids?: readonly string[] },
): Promise<RequestCaseRow[]> {
  if (query.ids?.length === 0) return [];
  let q = db
    .selectFrom("dataSubjectRequest as r")
    .leftJoin("staffUser as s", "s.id", "r.assigneeId")
    .select((eb) => [
      "r.id",
      "r.number",
      "r.type",
      "r.channel",
      "r.status",
      "r.receivedAt",
      "r.dueDate",
      "r.extendedDueDate",
      "r.requesterName",
      "r.assigneeId",
      "s.name as assigneeName",
      "r.identityVerifiedAt",
      eb
        .selectFrom("caseLink as l")
        .select((c) => c.fn.countAll<string>().as("n"))
        .whereRef("l.requestId", "=", "r.id")
        .where("l.personId", "is not", null)
        .as("persons"),
      sql<string[]>`coalesce((select array_agg(c.key) from case_step c
        where c.request_id = r.id and c.done_at is not null), '{}')`.as("doneSteps"),
    ]);
  if (query.state === "open") q = q.where("r.status", "!=", "closed");
  if (query.state === "closed") q = q.where("r.status", "=", "closed");
  if (query.ids) q = q.where("r.id", "in", query.ids);
  const [rows, calendar] = await Promise.all([
    q.orderBy(sql`coalesce(r.extended_due_date, r.due_date)`).orderBy("r.number").limit(listLimit).execute(),
    companyCalendar(db),
  ]);
  return rows.map((row) => {
    const dueDate = row.extendedDueDate ?? row.dueDate;
    const extended = row.extendedDueDate !== null;
    const progress = caseProgress(stepsOfRequest(row.type, extended), stepRecords(row.doneSteps), {
      identityVerified: row.identityVerifiedAt !== null,
    });
    return {
      id: row.id,
      number: caseNumber(row.number, row.receivedAt),
      type: row.type,
      channel: row.channel,
      status: row.status,
      receivedAt: row.receivedAt,
      dueDate,
      ...requestDeadlineStatus(dueDate, query.now, calendar),
      extended,
      requesterName: row.requesterName,
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeName,
      persons: Number(row.persons ?? 0),
      identityVerified: row.identityVerifiedAt !== null,
      nextStep: row.status === "closed" ? null : progress.next,
    };
  });
}

export interface IncidentRow {
  id: string;
  number: string;
  title: string;
  awareAt: Date;
  status: "open" | "notified" | "closed";
  risk: RiskLevel | null;
  authorityNotifiedAt: Date | null;
  deadline: Date;
  hoursLeft: number;
  overdue: boolean;
  late: boolean;
  persons: number;
  nextStep: string | null;
}

export async function listIncidents(
  db: Database,
  query: { state: CaseListState; now: Date; ids?: readonly string[] },
): Promise<IncidentRow[]> {
  if (query.ids?.length === 0) return [];
  let q = db.selectFrom("incident as i").select((eb) => [
    "i.id",
    "i.number",
    "i.title",
    "i.awareAt",
    "i.status",
    "i.risk",
    "i.riskAssessedAt",
    "i.authorityNotifiedAt",
    eb
      .selectFrom("caseLink as l")
      .select((c) => c.fn.countAll<string>().as("n"))
      .whereRef("l.incidentId", "=", "i.id")
      .where("l.personId", "is not", null)
      .as("persons"),
    sql<string[]>`coalesce((select array_agg(c.key) from case_step c
        where c.incident_id = i.id and c.done_at is not null), '{}')`.as("doneSteps"),
  ]);
  if (query.state === "open") q = q.where("i.status", "!=", "closed");
  if (query.state === "closed") q = q.where("i.status", "=", "closed");
  if (query.ids) q = q.where("i.id", "in", query.ids);
  const rows = await q.orderBy("i.awareAt", "desc").limit(listLimit).execute();
  return rows.map((row) => {
    const risk = row.riskAssessedAt ? row.risk : null;
    const progress = caseProgress(incidentSteps, stepRecords(row.doneSteps), {
      identityVerified: true,
      mandatory: mandatoryIncidentSteps(risk),
    });
    return {
      id: row.id,
      number: incidentNumber(row.number, row.awareAt),
      title: row.title,
      awareAt: row.awareAt,
      status: row.status,
      risk,
      authorityNotifiedAt: row.authorityNotifiedAt,
      ...incidentDeadlineStatus(row.awareAt, row.authorityNotifiedAt, query.now),
      persons: Number(row.persons ?? 0),
      nextStep: row.status === "closed" ? null : progress.next,
    };
  });
}

/**
 * The request cases and incidents a person is linked to, newest first, for their page. Incidents are
 * listed for those who may see them (the caller decides; `withIncidents`).
 */
export async function casesOfPerson(
  db: Database,
  input: { personId: string; now: Date; withIncidents: boolean },
): Promise<{ requests: RequestCaseRow[]; incidents: IncidentRow[] }> {
  const [requestIds, incidentIds] = await Promise.all([
    db
      .selectFrom("caseLink")
      .select("requestId as id")
      .where("personId", "=", input.personId)
      .where("requestId", "is not", null)
      .execute(),
    input.withIncidents
      ? db
          .selectFrom("caseLink")
          .select("incidentId as id")
          .where("personId", "=", input.personId)
          .where("incidentId", "is not", null)
          .execute()
      : [],
  ]);
  const ids = (rows: Array<{ id: string | null }>) => rows.flatMap((row) => (row.id ? [row.id] : []));
  const [requests, incidents] = await Promise.all([
    listRequestCases(db, { state: "all", now: input.now, ids: ids(requestIds) }),
    listIncidents(db, { state: "all", now: input.now, ids: ids(incidentIds) }),
  ]);
  return { requests, incidents };
}
