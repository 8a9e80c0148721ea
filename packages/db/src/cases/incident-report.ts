import { DomainError, incidentDeadlineStatus, type Language, type RiskLevel } from "@purposeful/domain";
import { type AuditInput, recordAuditBatch } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import type { CaseActor } from "./case-support.ts";
import { caseAuditActor } from "./case-support.ts";
import { incidentNumber } from "./incidents.ts";

/**
 * The facts of an incident's notification to the supervisory authority (Art. 33(3) GDPR), exactly
 * those and no personal data of the people affected: who the controller and its DPO are, what
 * happened to which categories of data of about how many people and records, when, its likely
 * consequences, the measures, the assessed risk and, when the 72 hours (Art. 33(1)) have passed,
 * the reasons for the delay. packages/emails turns them into the PDF filed with the authority.
 */
export interface IncidentAuthorityReport {
  number: string;
  title: string;
  /** Art. 33(3)(b): the controller, and the DPO or another contact point */
  controller: { name: string; address: string; email: string; phone: string };
  dpo: { name: string; email: string; phone: string; address: string };
  /** a contact point recorded for this incident, besides the DPO (Art. 33(3)(b)) */
  contactPoint: string | null;
  authority: { name: string; address: string };
  /** Art. 33(3)(a) */
  nature: string;
  dataCategories: string[];
  subjectsApprox: number | null;
  recordsApprox: number | null;
  /** how many persons are linked to the incident by name (a floor for `subjectsApprox`) */
  linkedPersons: number;
  occurredAt: Date | null;
  awareAt: Date;
  discoveredBy: string | null;
  /** Art. 33(3)(c) */
  consequences: string | null;
  /** Art. 33(3)(d): taken or proposed, including to mitigate possible adverse effects */
  measures: string | null;
  risk: RiskLevel | null;
  riskReasons: string | null;
  riskAssessedAt: Date | null;
  /** Art. 33(1): awareness + 72 hours */
  deadline: Date;
  authorityNotifiedAt: Date | null;
  /** notified after the deadline, or not yet notified and the deadline passed */
  late: boolean;
  delayReason: string | null;
  subjectsNotifiedAt: Date | null;
  /** Art. 34(3): why the people affected are not told, where recorded */
  notificationException: string | null;
  generatedAt: Date;
}

/** The download's file name: the incident number only, nothing about a person. */
export const authorityReportFileName = (number: string) => `${number}-authority.pdf`;

/** The Art. 33(3) facts of one incident at `now`; DomainError incident_not_found. */
export async function incidentAuthorityReport(
  db: Database,
  incidentId: string,
  now: Date,
): Promise<IncidentAuthorityReport> {
  if (!isUuid(incidentId)) throw new DomainError("not_found", "incident_not_found");
  const row = await db
    .selectFrom("incident")
    .select((eb) => [
      "number",
      "title",
      "awareAt",
      "occurredAt",
      "discoveredBy",
      "nature",
      "dataCategories",
      "subjectsApprox",
      "recordsApprox",
      "consequences",
      "measures",
      "risk",
      "riskReasons",
      "riskAssessedAt",
      "authorityNotifiedAt",
      "delayReason",
      "subjectsNotifiedAt",
      "notificationException",
      "dpoContact",
      eb
        .selectFrom("caseLink")
        .select((c) => c.fn.count<string>("caseLink.personId").distinct().as("n"))
        .whereRef("caseLink.incidentId", "=", "incident.id")
        .as("linkedPersons"),
    ])
    .where("id", "=", incidentId)
    .executeTakeFirst();
  if (!row) throw new DomainError("not_found", "incident_not_found");
  const company = await getCompanySettings(db);
  const clock = incidentDeadlineStatus(row.awareAt, row.authorityNotifiedAt, now);
  return {
    number: incidentNumber(row.number, row.awareAt),
    title: row.title,
    controller: {
      name: company.name,
      address: company.address,
      email: company.controllerEmail || company.privacyContact,
      phone: company.controllerPhone,
    },
    dpo: {
      name: company.dpoName,
      email: company.dpoEmail || company.privacyContact,
      phone: company.dpoPhone,
      address: company.dpoAddress,
    },
    contactPoint: row.dpoContact,
    authority: { name: company.authorityName, address: company.authorityAddress },
    nature: row.nature,
    dataCategories: row.dataCategories,
    subjectsApprox: row.subjectsApprox,
    recordsApprox: row.recordsApprox,
    linkedPersons: Number(row.linkedPersons ?? 0),
    occurredAt: row.occurredAt,
    awareAt: row.awareAt,
    discoveredBy: row.discoveredBy,
    consequences: row.consequences,
    measures: row.measures,
    risk: row.riskAssessedAt ? row.risk : null,
    riskReasons: row.riskReasons,
    riskAssessedAt: row.riskAssessedAt,
    deadline: clock.deadline,
    authorityNotifiedAt: row.authorityNotifiedAt,
    late: clock.late || clock.overdue,
    delayReason: row.delayReason,
    subjectsNotifiedAt: row.subjectsNotifiedAt,
    notificationException: row.notificationException,
    generatedAt: now,
  };
}

/** What drawing up and sending the incident's notifications records. */
export type IncidentNoticeAction =
  | "incident.authority_report_generated"
  | "incident.subjects_notification_started"
  | "incident.subjects_notified";

/**
 * Audits a change of an incident once per linked person (their Art. 15 history shows it), in one
 * batch however many there are; once without a person when none is linked. Counts only.
 */
export async function auditIncidentOnce(
  trx: Database,
  incidentId: string,
  action: IncidentNoticeAction,
  changes: Record<string, unknown>,
  by: CaseActor,
): Promise<void> {
  const links = await trx
    .selectFrom("caseLink")
    .select("personId")
    .distinct()
    .where("incidentId", "=", incidentId)
    .where("personId", "is not", null)
    .orderBy("personId")
    .execute();
  const personIds = links.length > 0 ? links.map((link) => link.personId) : [null];
  await recordAuditBatch(
    trx,
    personIds.map(
      (personId): AuditInput => ({
        actor: caseAuditActor(by, personId),
        action,
        entityType: "incident",
        entityId: incidentId,
        personId,
        changes,
        at: by.at,
      }),
    ),
  );
}

/** Records that the authority notification was drawn up, in which language (no personal data). */
export async function recordAuthorityReportGenerated(
  trx: Database,
  input: { incidentId: string; language: Language },
  by: CaseActor,
): Promise<void> {
  await auditIncidentOnce(
    trx,
    input.incidentId,
    "incident.authority_report_generated",
    { language: input.language },
    by,
  );
}
