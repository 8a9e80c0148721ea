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

/**
 * May the people affected be notified (Art. 34), and must they? Required when the assessed risk is
 * high (Art. 34(1)); at "risk" the controller may still tell them of its own accord (nothing in
 * Art. 34 forbids it, and Recital 86 wants people enabled to protect themselves); at "none" the
 * documented assessment (Art. 33(5)) says there is nothing to warn of, so a mass mail would contradict
 * it. Not before the risk is assessed: what to tell follows from it (Art. 34(2)).
 */
export function checkSubjectsNotification(risk: RiskLevel | null): { required: boolean } {
  if (risk === null) throw new DomainError("validation", "risk_not_assessed");
  // Art. 34(1): the communication is owed only at high risk; below "risk" it is not made at all.
  if (risk === "none") throw new DomainError("validation", "subjects_notification_not_allowed");
  return { required: risk === "high" };
}

/** How a linked person can be reached with the breach notice (Art. 34), or why not. */
export type BreachNoticeReach = "email" | "no_email" | "erased";

/**
 * Whether a person gets the Art. 34 notice by e-mail. The notice is a legal obligation owed to the
 * person (Art. 34(1)), not advertising: mail blocks and objections to direct marketing (Art. 21(3))
 * do not stop it. A restriction (Art. 18) does not either: like the answer to the person's own request
 * (`mayMailRequestAnswer`), it serves the person's own rights, which Art. 18(2) keeps possible; telling
 * them lets them protect themselves (Recital 86). Only a person erased at level 3 (Art. 17) has no
 * address left, and a person without an e-mail address cannot be mailed: both are "not reachable"
 * and listed for the DPO (Art. 34(3)(c): a public communication may then be needed).
 */
export function breachNoticeReach(person: { erasedLevel: number; hasEmail: boolean }): BreachNoticeReach {
  if (person.erasedLevel >= 3) return "erased";
  return person.hasEmail ? "email" : "no_email";
}

/** May an Art. 34 notice that was queued still be sent (the person may have been erased since)? */
export function mayMailBreachNotice(person: { erasedLevel: number }): boolean {
  return breachNoticeReach({ erasedLevel: person.erasedLevel, hasEmail: true }) === "email";
}
