import { DomainError } from "../errors.ts";
import { roleAtLeast, type StaffRole } from "../roles.ts";
import type { CaseStepDefinition } from "./case-steps.ts";

/** What is stored of a step (`case_step`): done when, or skipped with the reason. */
export interface CaseStepRecord {
  key: string;
  doneAt: Date | null;
  /** a skipped step is done with a reason and no result */
  skippedReason: string | null;
}

export type CaseStepStatus = "done" | "skipped" | "open" | "locked";

export interface CaseStepState extends CaseStepDefinition {
  status: CaseStepStatus;
  /** why a step cannot be done yet: the identity is not verified, or steps before it are open */
  lockedBy: "identity" | "previous" | null;
  /** a step that must be done here, whatever its definition says (a required notification) */
  mandatory: boolean;
}

export interface CaseProgress {
  steps: CaseStepState[];
  /** the first step that is open, null when every step is done or skipped */
  next: string | null;
  /** every step done or skipped: the case may be closed */
  finished: boolean;
}

/**
 * Where a case stands. Steps go in order: a step opens once the ones before it are done or skipped,
 * and a step that discloses or erases data also waits for the verified identity (Art. 12(6)).
 * `mandatory` names steps that may not be skipped in this case (an incident's required
 * notifications, `mandatoryIncidentSteps`).
 */
export function caseProgress(
  definitions: readonly CaseStepDefinition[],
  records: readonly CaseStepRecord[],
  facts: { identityVerified: boolean; mandatory?: ReadonlySet<string> },
): CaseProgress {
  const byKey = new Map(records.map((record) => [record.key, record]));
  let blocked = false;
  const steps = definitions.map((definition): CaseStepState => {
    const record = byKey.get(definition.key);
    const mandatory = !definition.skippable || (facts.mandatory?.has(definition.key) ?? false);
    const base = { ...definition, mandatory, skippable: !mandatory };
    if (record?.doneAt) {
      return { ...base, status: record.skippedReason ? "skipped" : "done", lockedBy: null };
    }
    // The missing identity is the reason people need to hear first (Art. 12(6)).
    const lockedBy =
      definition.needsIdentity && !facts.identityVerified
        ? "identity"
        : blocked && definition.inOrder
          ? "previous"
          : null;
    if (definition.inOrder) blocked = true;
    return { ...base, status: lockedBy ? "locked" : "open", lockedBy };
  });
  // The last step closes the case: it waits for every other step, those done out of order too.
  const last = steps.at(-1);
  if (last?.status === "open" && steps.slice(0, -1).some((s) => s.status === "open" || s.status === "locked"))
    steps[steps.length - 1] = { ...last, status: "locked", lockedBy: "previous" };
  const next = steps.find((s) => s.status === "open")?.key ?? null;
  return { steps, next, finished: steps.every((s) => s.status === "done" || s.status === "skipped") };
}

/**
 * Checks that `role` may complete (or skip, with `skipReason`) the step `key` now; throws the
 * DomainError the portal shows otherwise. A skip needs a reason, and a mandatory step is never
 * skipped.
 */
export function checkStepCompletion(
  progress: CaseProgress,
  input: { key: string; role: StaffRole; skipReason?: string | null },
): CaseStepState {
  const state = progress.steps.find((s) => s.key === input.key);
  if (!state) throw new DomainError("not_found", "case_step_not_found");
  if (state.status === "done" || state.status === "skipped")
    throw new DomainError("conflict", "case_step_already_done");
  if (state.lockedBy === "identity") throw new DomainError("validation", "identity_not_verified");
  if (state.lockedBy === "previous") throw new DomainError("validation", "case_step_not_next");
  if (!roleAtLeast(input.role, state.role)) throw new DomainError("forbidden", "case_step_role");
  if (input.skipReason !== undefined && input.skipReason !== null) {
    if (!state.skippable) throw new DomainError("validation", "case_step_not_skippable");
    if (input.skipReason.trim().length < 3) throw new DomainError("validation", "skip_reason_required");
  }
  return state;
}
