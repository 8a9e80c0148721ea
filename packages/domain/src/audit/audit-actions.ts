import { type RecordEvent, recordEvents } from "../consent/record-transitions.ts";

/**
 * Every action the audit trail records. Art. 15(3) GDPR hands a person their audit history, so each
 * action needs words in every language: packages/emails' report words are `Record<AuditAction, …>`.
 * A new action goes here first; audit-actions.test.ts checks that the sources write no other.
 */
export const otherAuditActions = [
  "access_report.requested",
  "access_report.generated",
  "access_report.sent",
  "access_report.downloaded",
  "access_report.links_revoked",
  "bank_account.added",
  "bank_account.retention_set",
  "campaign.checked",
  "campaign.consent_requested",
  "campaign.exported",
  "campaign.letters_downloaded",
  "communication.added",
  "communication.removed",
  "communication.primary_changed",
  "consent_request.asked_again_after_refusal",
  "document.stored",
  "document.view",
  "document.retention_set",
  "deadline.reminder_sent",
  "erasure.recipients_notified",
  "follow_up.created",
  "follow_up.done",
  "follow_up.postponed",
  "held_item.deleted",
  "incident.created",
  "incident.risk_assessed",
  "incident.step_completed",
  "incident.step_skipped",
  "incident.authority_notified",
  "incident.closed",
  "incident.item_linked",
  "incident.persons_linked",
  "incident.authority_report_generated",
  "incident.subjects_notification_started",
  "incident.subjects_notified",
  "kiosk.entered",
  "kiosk.left",
  "kiosk.leave_refused",
  "marketing_list.created",
  "marketing_list.renamed",
  "marketing_list.deleted",
  "marketing_list.imported",
  "marketing_list.members_added",
  "marketing_list.members_removed",
  "microsite.session_opened",
  "microsite.new_link_requested",
  "microsite.links_revoked",
  "microsite.request_link_requested",
  "outbox.retried",
  "person.created",
  "person.updated",
  "person.erased",
  "person.portability_exported",
  "person.dm_objection",
  "person.dm_objection_lifted",
  "person.restricted",
  "person.restriction_lifted",
  "person.retention_date_set",
  "person.retention_date_cleared",
  "person.retention_review_queued",
  "person.retention_review_approved",
  "person.retention_review_postponed",
  "person.retention_erasure_failed",
  "person.suppression_overridden",
  "purpose.created",
  "purpose.updated",
  "purpose.version_created",
  "record.confirmation_pending",
  "report_template.created",
  "report_template.updated",
  "retention.run_started",
  "request.created",
  "request.identity_verified",
  "request.step_completed",
  "request.step_skipped",
  "request.extended",
  "request.extension_notice_sent",
  "request.closed",
  "request.assigned",
  "request.item_linked",
  "request.answer_sent",
  "setting.updated",
  "staff.created",
  "staff.role_changed",
  "staff.password_changed",
  "staff.deactivated",
  "staff.reactivated",
] as const;

/** A processing record's transition is audited as `record.<event>` (apply-record-event.ts). */
export type RecordAuditAction = `record.${RecordEvent}`;

export const recordAuditActions: readonly RecordAuditAction[] = recordEvents.map(
  (event) => `record.${event}` as const,
);

export type AuditAction = RecordAuditAction | (typeof otherAuditActions)[number];

export const auditActions: readonly AuditAction[] = [...recordAuditActions, ...otherAuditActions];

/** Stored rows are plain text: older rows may hold an action no longer written. */
export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}
