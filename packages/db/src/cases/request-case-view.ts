import {
  type CaseProgress,
  caseProgress,
  controllerTimeZone,
  DomainError,
  type IdentityMethod,
  type RequestChannel,
  type RequestType,
  requestDeadlineStatus,
  stepsOfRequest,
  type WorkingCalendar,
} from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import { personsAndSteps } from "./case-support.ts";

/** The company's working calendar: its country and federal state decide the public holidays. */
export async function companyCalendar(db: Database): Promise<WorkingCalendar> {
  const settings = await getCompanySettings(db);
  return { timeZone: controllerTimeZone, country: settings.country, region: settings.region };
}

/** "DSR-2026-0007": the case number people quote, the year it was received in. */
export const caseNumber = (number: number, receivedAt: Date) =>
  `DSR-${receivedAt.toISOString().slice(0, 4)}-${String(number).padStart(4, "0")}`;

export interface RequestCaseView {
  id: string;
  number: string;
  type: RequestType;
  channel: RequestChannel;
  status: "open" | "in_progress" | "waiting" | "closed";
  receivedAt: Date;
  /** the deadline in force: the extended one once extended */
  dueDate: string;
  daysLeft: number;
  overdue: boolean;
  extended: boolean;
  extensionReason: string | null;
  requesterName: string | null;
  requesterEmail: string | null;
  description: string | null;
  assigneeId: string | null;
  identity: { method: IdentityMethod; verifiedAt: Date; verifiedBy: string | null } | null;
  personIds: string[];
  progress: CaseProgress;
}

/** One case with where its steps stand; DomainError request_not_found. */
export async function requestCase(db: Database, id: string, now: Date): Promise<RequestCaseView> {
  if (!isUuid(id)) throw new DomainError("not_found", "request_not_found");
  const row = await db.selectFrom("dataSubjectRequest").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new DomainError("not_found", "request_not_found");
  const [{ personIds, steps }, calendar] = await Promise.all([
    personsAndSteps(db, { requestId: id }),
    companyCalendar(db),
  ]);
  const extended = row.extendedDueDate !== null;
  const dueDate = row.extendedDueDate ?? row.dueDate;
  const identity =
    row.identityMethod && row.identityVerifiedAt
      ? { method: row.identityMethod, verifiedAt: row.identityVerifiedAt, verifiedBy: row.identityVerifiedBy }
      : null;
  return {
    id: row.id,
    number: caseNumber(row.number, row.receivedAt),
    type: row.type,
    channel: row.channel,
    status: row.status,
    receivedAt: row.receivedAt,
    dueDate,
    ...requestDeadlineStatus(dueDate, now, calendar),
    extended,
    extensionReason: row.extensionReason,
    requesterName: row.requesterName,
    requesterEmail: row.requesterEmail,
    description: row.description,
    assigneeId: row.assigneeId,
    identity,
    personIds,
    progress: caseProgress(stepsOfRequest(row.type, extended), steps, {
      identityVerified: identity !== null,
    }),
  };
}
