export const domainErrorCodes = [
  "invalid_transition",
  "not_found",
  "forbidden",
  "conflict",
  "validation",
  "legal_hold",
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

/**
 * Why a rule said no, one value per distinct situation. The apps turn each into a message in the
 * user's language through one map keyed by this type, so no code ever matches on message text.
 */
export const domainErrorReasons = [
  // not found
  "person_not_found",
  "purpose_not_found",
  "organization_not_found",
  "person_email_not_found",
  "person_phone_not_found",
  "person_address_not_found",
  "document_not_found",
  "bank_account_not_found",
  "retention_duty_not_found",
  "evidence_not_found",
  // marketing lists and their CSV import
  "list_not_found",
  "list_name_invalid",
  "too_many_ids",
  "csv_empty",
  "csv_too_large",
  "csv_wrong_delimiter",
  "csv_no_email_column",
  "csv_mapping_invalid",
  // access reports (Art. 15) and third-country transfers (Art. 44 ff.)
  "report_template_invalid",
  "report_template_hides_required_section",
  "report_template_not_found",
  "access_report_not_found",
  "report_attachments_need_link",
  "report_too_large_for_email",
  "invalid_transfer",
  // invalid input
  "invalid_date",
  "invalid_time_zone",
  "invalid_holiday_calendar",
  "invalid_age_of_consent",
  "invalid_email",
  "invalid_field",
  "invalid_purpose",
  "material_without_text_change",
  "default_basis_not_allowed",
  "document_empty",
  "document_too_large",
  "not_shown",
  "no_consent_purposes",
  "include_refusals_dpo_only",
  "campaign_not_found",
  "no_email_address",
  "purpose_not_signable",
  "invalid_cursor",
  // consent rules
  "transition_not_allowed",
  "purpose_inactive",
  "basis_not_allowed",
  "confirm_only_by_data_subject",
  "given_in_future",
  "version_unknown",
  "version_not_live",
  "parental_consent_required",
  "refusal_not_confirmed",
  "person_erased",
  // may not be contacted (admissibility)
  "erased",
  "restricted",
  "mail_block",
  "direct_marketing_objection",
  // conflicts with stored data
  "email_exists",
  "staff_email_taken",
  "purpose_key_taken",
  "purpose_changed",
  "text_changed",
  // access
  "document_forbidden",
  // erasure, restriction, suppression and retention
  "legal_hold",
  "erasure_level_invalid",
  "erasure_reason_required",
  "erasure_role_too_low",
  "already_erased",
  "erasure_not_found",
  "suppressed_address",
  "suppression_override_dpo_only",
  "restriction_reason_required",
  "already_restricted",
  "not_restricted",
  "restricted_processing",
  "invalid_retention_date",
  "retention_reason_required",
  "retention_not_under_review",
  "retention_postpone_not_future",
  "case_step_not_found",
  "case_step_already_done",
  "identity_not_verified",
  "case_step_not_next",
  "case_step_role",
  "case_step_not_skippable",
  "skip_reason_required",
  "request_already_extended",
  "extension_reason_required",
  "extension_too_late",
  "request_not_found",
  "request_closed",
  "request_received_in_future",
  "request_received_required",
  "assignee_not_found",
  "case_item_not_found",
  "too_many_persons_to_link",
  "answer_reasons_required",
  "request_answer_waiting",
  "request_not_extended",
  "extension_notice_late",
  "request_no_email",
  "request_link_invalid",
  "request_message_too_long",
  "incident_not_found",
  "incident_closed",
  "incident_aware_in_future",
  "incident_aware_required",
  "risk_reasons_required",
  "risk_not_assessed",
  "delay_reason_required",
  "invalid_notification_time",
  // follow-ups (Wiedervorlagen)
  "follow_up_not_found",
  "follow_up_done",
  "follow_up_not_yours",
  "follow_up_about_required",
  "follow_up_due_in_past",
  "follow_up_postpone_reason_required",
  "follow_up_postpone_not_future",
  "subjects_notification_not_allowed",
] as const;
export type DomainErrorReason = (typeof domainErrorReasons)[number];

/** A rule violation the apps map to a user-facing message by `reason`; never shown as a stack trace. */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    public readonly code: DomainErrorCode,
    public readonly reason: DomainErrorReason,
    /** for logs and developers only (never personal data); users see the reason's message */
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
