import { DomainError } from "../errors.ts";

/**
 * The answer that closes a request (the step "confirm to the person"): what was done, or why not.
 * Art. 12(3): information on the action taken; Art. 12(4): where the controller does not act (in
 * full), the reasons and the right to lodge a complaint with a supervisory authority and to seek a
 * judicial remedy (Art. 77, 79).
 */
export const requestOutcomes = ["fulfilled", "partially_fulfilled", "refused"] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];

/** Art. 12(4): not acting, or not in full, must tell the reasons and the remedies. */
export function answerNeedsRemedies(outcome: RequestOutcome): boolean {
  return outcome !== "fulfilled";
}

/** Refuses an answer that declines (in part) without its reasons (Art. 12(4)). */
export function checkRequestAnswer(input: { outcome: RequestOutcome; message: string }): void {
  if (answerNeedsRemedies(input.outcome) && input.message.trim().length < 20)
    throw new DomainError("validation", "answer_reasons_required");
}
