import {
  type CaseProgress,
  caseProgress,
  checkAuthorityNotification,
  checkRiskAssessment,
  checkStepCompletion,
  DomainError,
  type IncidentDeadlineStatus,
  incidentDeadlineStatus,
  incidentSteps,
  mandatoryIncidentSteps,
  type RequiredNotifications,
  type RiskLevel,
  requiredNotifications,
  type StaffRole,
} from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import {
  auditCaseChange,
  type CaseActor,
  existingPersons,
  linkPersons,
  personsAndSteps,
  storeCaseStep,
} from "./case-support.ts";

/**
 * Breach incidents (issue 11 #6, Art. 33, 34 GDPR): recorded with the time of awareness, which
 * starts the 72-hour clock (`incidentDeadlineStatus`); worked through `incidentSteps`, where the
 * assessed risk decides which notifications are mandatory (`mandatoryIncidentSteps`); notifying the
 * authority records when, and after 72 hours the reasons for the delay. One transaction per change,
 * audited once per linked person (their Art. 15 history shows it).
 */

type By = CaseActor;
type IncidentAction =
  | "incident.created"
  | "incident.risk_assessed"
  | "incident.step_completed"
  | "incident.step_skipped"
  | "incident.authority_notified"
  | "incident.closed";

export interface NewIncident {
  title: string;
  awareAt: Date;
  occurredAt: Date | null;
  discoveredBy: string | null;
  nature: string;
  dataCategories: readonly string[];
  subjectsApprox: number | null;
  recordsApprox: number | null;
  personIds: readonly string[];
}

export const incidentNumber = (number: number, awareAt: Date) =>
  `INC-${awareAt.toISOString().slice(0, 4)}-${String(number).padStart(4, "0")}`;

export interface IncidentView {
  id: string;
  number: string;
  title: string;
  awareAt: Date;
  nature: string;
  dataCategories: string[];
  subjectsApprox: number | null;
  recordsApprox: number | null;
  status: "open" | "notified" | "closed";
  /** null until assessed: which notifications are required is not known before */
  risk: RiskLevel | null;
  riskReasons: string | null;
  required: RequiredNotifications | null;
  clock: IncidentDeadlineStatus;
  authorityNotifiedAt: Date | null;
  delayReason: string | null;
  personIds: string[];
  progress: CaseProgress;
}

const audit = (
  trx: Database,
  view: { id: string; personIds: string[] },
  action: IncidentAction,
  changes: Record<string, unknown>,
  by: By,
) =>
  auditCaseChange(
    trx,
    { entityType: "incident", entityId: view.id, personIds: view.personIds, action, changes },
    by,
  );

/** Records an incident; a time of awareness in the future is refused (the clock runs from it). */
export async function createIncident(
  trx: Database,
  input: NewIncident,
  by: By,
): Promise<{ id: string; number: string; deadline: Date }> {
  if (input.awareAt.getTime() > by.at.getTime() + 5 * 60_000)
    throw new DomainError("validation", "incident_aware_in_future");
  const personIds = await existingPersons(trx, input.personIds);
  const row = await trx
    .insertInto("incident")
    .values({
      title: input.title,
      awareAt: input.awareAt,
      occurredAt: input.occurredAt,
      discoveredBy: input.discoveredBy,
      nature: input.nature,
      dataCategories: [...input.dataCategories],
      subjectsApprox: input.subjectsApprox,
      recordsApprox: input.recordsApprox,
      createdBy: by.staffUserId,
      createdAt: by.at,
      updatedAt: by.at,
    })
    .returning(["id", "number"])
    .executeTakeFirstOrThrow();
  await linkPersons(trx, { incidentId: row.id }, personIds, by.at);
  await audit(trx, { id: row.id, personIds }, "incident.created", { persons: personIds.length }, by);
  const clock = incidentDeadlineStatus(input.awareAt, null, by.at);
  return { id: row.id, number: incidentNumber(row.number, input.awareAt), deadline: clock.deadline };
}

/** One incident with its clock, the required notifications and its steps; DomainError incident_not_found. */
export async function incidentCase(db: Database, id: string, now: Date): Promise<IncidentView> {
  if (!isUuid(id)) throw new DomainError("not_found", "incident_not_found");
  const row = await db.selectFrom("incident").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new DomainError("not_found", "incident_not_found");
  const { personIds, steps } = await personsAndSteps(db, { incidentId: id });
  const risk = row.riskAssessedAt ? row.risk : null;
  return {
    id: row.id,
    number: incidentNumber(row.number, row.awareAt),
    title: row.title,
    awareAt: row.awareAt,
    nature: row.nature,
    dataCategories: row.dataCategories,
    subjectsApprox: row.subjectsApprox,
    recordsApprox: row.recordsApprox,
    status: row.status,
    risk,
    riskReasons: row.riskReasons,
    required: risk ? requiredNotifications(risk) : null,
    clock: incidentDeadlineStatus(row.awareAt, row.authorityNotifiedAt, now),
    authorityNotifiedAt: row.authorityNotifiedAt,
    delayReason: row.delayReason,
    personIds,
    progress: caseProgress(incidentSteps, steps, {
      identityVerified: true,
      mandatory: mandatoryIncidentSteps(risk),
    }),
  };
}

async function openIncident(trx: Database, id: string, at: Date): Promise<IncidentView> {
  if (isUuid(id)) await trx.selectFrom("incident").select("id").where("id", "=", id).forUpdate().execute();
  const view = await incidentCase(trx, id, at);
  if (view.status === "closed") throw new DomainError("conflict", "incident_closed");
  return view;
}

/** Art. 33(1), 34(1): the risk, with its reasons; completes the assessment step. */
export async function assessIncidentRisk(
  trx: Database,
  input: {
    incidentId: string;
    risk: RiskLevel;
    reasons: string;
    consequences: string | null;
    measures: string | null;
  },
  by: By & { role: StaffRole },
): Promise<IncidentView> {
  const view = await openIncident(trx, input.incidentId, by.at);
  checkStepCompletion(view.progress, { key: "assess_risk", role: by.role });
  checkRiskAssessment(input);
  await trx
    .updateTable("incident")
    .set({
      risk: input.risk,
      riskReasons: input.reasons.trim(),
      riskAssessedAt: by.at,
      consequences: input.consequences,
      measures: input.measures,
      updatedAt: by.at,
    })
    .where("id", "=", view.id)
    .execute();
  await storeCaseStep(trx, { incidentId: view.id }, { key: "assess_risk", skipReason: null, note: null }, by);
  await audit(
    trx,
    view,
    "incident.risk_assessed",
    { risk: input.risk, ...requiredNotifications(input.risk) },
    by,
  );
  return incidentCase(trx, view.id, by.at);
}

/**
 * Completes or skips (with `skipReason`) a step other than the assessment. Notifying the authority
 * records when (`notifiedAt`, default now) and, after 72 hours, requires `delayReason`; the last
 * step ("document", Art. 33(5)) closes the incident.
 */
export async function completeIncidentStep(
  trx: Database,
  input: {
    incidentId: string;
    key: string;
    skipReason?: string | null;
    note?: string | null;
    notifiedAt?: Date | null;
    delayReason?: string | null;
  },
  by: By & { role: StaffRole },
): Promise<IncidentView> {
  const view = await openIncident(trx, input.incidentId, by.at);
  if (input.key === "assess_risk") throw new DomainError("validation", "risk_not_assessed");
  checkStepCompletion(view.progress, { key: input.key, role: by.role, skipReason: input.skipReason });
  const skipReason = input.skipReason?.trim() || null;
  let action: IncidentAction = skipReason ? "incident.step_skipped" : "incident.step_completed";
  const changes: Record<string, unknown> = { step: input.key };
  if (input.key === "notify_authority" && !skipReason) {
    const notifiedAt = input.notifiedAt ?? by.at;
    const { late } = checkAuthorityNotification({
      awareAt: view.awareAt,
      notifiedAt,
      now: by.at,
      delayReason: input.delayReason ?? null,
    });
    await trx
      .updateTable("incident")
      .set({
        authorityNotifiedAt: notifiedAt,
        delayReason: late ? (input.delayReason ?? "").trim() : null,
        status: "notified",
      })
      .where("id", "=", view.id)
      .execute();
    action = "incident.authority_notified";
    changes.late = late;
  }
  if (input.key === "notify_data_subjects" && !skipReason)
    await trx.updateTable("incident").set({ subjectsNotifiedAt: by.at }).where("id", "=", view.id).execute();
  const closing = input.key === "document";
  if (closing) action = "incident.closed";
  await storeCaseStep(
    trx,
    { incidentId: view.id },
    { key: input.key, skipReason, note: input.note ?? null },
    by,
  );
  await trx
    .updateTable("incident")
    .set({ updatedAt: by.at, ...(closing ? { status: "closed" as const, closedAt: by.at } : {}) })
    .where("id", "=", view.id)
    .execute();
  await audit(trx, view, action, changes, by);
  return incidentCase(trx, view.id, by.at);
}
