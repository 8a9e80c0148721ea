import { DomainError } from "../errors.ts";
import { incidentDeadlineStatus, type RiskLevel } from "./deadline.ts";

/**
 * Art. 33(1), 34(1) GDPR: whether the authority and the people affected must be told follows from
 * the assessed risk, so the assessment is a decision with its reasons (Art. 33(5): documented,
 * whatever the outcome), not a default.
 */
export function checkRiskAssessment(input: { risk: RiskLevel; reasons: string }): void {
  if (input.reasons.trim().length < 10) throw new DomainError("validation", "risk_reasons_required");
}

/**
 * Art. 33(1): the authority is notified within 72 hours of awareness; a later notification comes
 * with the reasons for the delay. A notification cannot precede awareness or lie in the future.
 * Returns whether it was late.
 */
export function checkAuthorityNotification(input: {
  awareAt: Date;
  notifiedAt: Date;
  now: Date;
  delayReason: string | null;
}): { late: boolean } {
  if (
    input.notifiedAt.getTime() < input.awareAt.getTime() ||
    input.notifiedAt.getTime() > input.now.getTime() + 5 * 60_000
  )
    throw new DomainError("validation", "invalid_notification_time");
  const { late } = incidentDeadlineStatus(input.awareAt, input.notifiedAt, input.now);
  if (late && (input.delayReason ?? "").trim().length < 10)
    throw new DomainError("validation", "delay_reason_required");
  return { late };
}
