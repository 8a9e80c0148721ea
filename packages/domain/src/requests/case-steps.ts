import { type RiskLevel, requiredNotifications } from "../incidents/deadline.ts";
import type { StaffRole } from "../roles.ts";
import type { RequestType } from "./deadline.ts";

/**
 * The guided steps of a data-subject request and of a breach incident (issue 11 #2, #6), defined
 * once, as data: the portal shows them, packages/db stores which are done or skipped (`case_step`),
 * and `caseProgress` decides what is open, locked or finished. Each step names the article that
 * asks for it, what it does (an action the case runs, or a check a person makes), who may do it,
 * and whether it discloses or erases data, which waits for a verified identity (Art. 12(6)).
 */

/** What a step runs from the case; its result is linked to the case. */
export type CaseAction =
  | "generate_access_report"
  | "send_access_report"
  | "export_portability"
  | "rectify_data"
  | "erase"
  | "notify_recipients"
  | "restrict"
  | "record_objection"
  | "withdraw_consents"
  | "send_extension_notice"
  | "send_answer"
  | "notify_authority"
  | "notify_data_subjects";

export interface CaseStepDefinition {
  key: string;
  /** the article (or section) that asks for the step */
  article: string;
  /** the action the step runs from the case, if it runs one; otherwise a person checks and confirms */
  action: CaseAction | null;
  /** the least role that may complete it */
  role: StaffRole;
  /** discloses or erases personal data: locked until the requester's identity is verified */
  needsIdentity: boolean;
  /** may be skipped with a reason (some steps are what the case is for, and never are) */
  skippable: boolean;
  /** waits for the steps before it (most do); a step that must not wait is done whenever it is due */
  inOrder: boolean;
}

const step = (
  key: string,
  article: string,
  options: Partial<Omit<CaseStepDefinition, "key" | "article">> = {},
): CaseStepDefinition => ({
  key,
  article,
  action: options.action ?? null,
  role: options.role ?? "staff",
  needsIdentity: options.needsIdentity ?? false,
  skippable: options.skippable ?? true,
  inOrder: options.inOrder ?? true,
});

// Art. 12(6): reasonable doubts about the identity allow asking for more; never disclose without it.
const verifyIdentity = step("verify_identity", "Art. 12(6)", { skippable: false });
// Art. 12(3), (4): the person is told what was done (or why not, with the right to complain).
const confirmToPerson = step("confirm_to_person", "Art. 12(3), (4)", {
  action: "send_answer",
  needsIdentity: true,
  skippable: false,
});
const close = step("close", "Art. 5(2)", { skippable: false });

export const requestSteps: Record<RequestType, readonly CaseStepDefinition[]> = {
  access: [
    verifyIdentity,
    step("generate_report", "Art. 15(1)–(3)", {
      action: "generate_access_report",
      role: "dpo",
      needsIdentity: true,
      skippable: false,
    }),
    // Art. 15(4): the DPO checks that the copy does not adversely affect the rights of others.
    step("review_report", "Art. 15(4)", { role: "dpo", needsIdentity: true }),
    step("send_report", "Art. 12(1), 15(3)", {
      action: "send_access_report",
      role: "dpo",
      needsIdentity: true,
      skippable: false,
    }),
    close,
  ],
  rectification: [
    verifyIdentity,
    step("rectify", "Art. 16", { action: "rectify_data", needsIdentity: true, skippable: false }),
    step("notify_recipients", "Art. 19", { action: "notify_recipients", needsIdentity: true }),
    confirmToPerson,
    close,
  ],
  erasure: [
    verifyIdentity,
    // Art. 17(3): retention duties and legal claims may keep data; the plan shows each hold.
    step("choose_level", "Art. 17(1), (3)", { role: "dpo", needsIdentity: true, skippable: false }),
    step("erase", "Art. 17(1)", { action: "erase", role: "dpo", needsIdentity: true, skippable: false }),
    step("notify_recipients", "Art. 19", { action: "notify_recipients", needsIdentity: true }),
    confirmToPerson,
    close,
  ],
  restriction: [
    verifyIdentity,
    step("restrict", "Art. 18(1)", { action: "restrict", needsIdentity: true, skippable: false }),
    step("notify_recipients", "Art. 19", { action: "notify_recipients", needsIdentity: true }),
    confirmToPerson,
    close,
  ],
  portability: [
    verifyIdentity,
    step("export_data", "Art. 20(1)", {
      action: "export_portability",
      role: "dpo",
      needsIdentity: true,
      skippable: false,
    }),
    confirmToPerson,
    close,
  ],
  objection: [
    verifyIdentity,
    step("record_objection", "Art. 21(1)–(3)", {
      action: "record_objection",
      needsIdentity: true,
      skippable: false,
    }),
    // Art. 21(1): processing may go on only for compelling legitimate grounds; the DPO decides.
    // Direct marketing (Art. 21(3)) has none, so this step is skipped for it, with that reason.
    step("check_compelling_grounds", "Art. 21(1)", { role: "dpo", needsIdentity: true }),
    confirmToPerson,
    close,
  ],
  consent_withdrawal: [
    verifyIdentity,
    step("withdraw_consents", "Art. 7(3)", {
      action: "withdraw_consents",
      needsIdentity: true,
      skippable: false,
    }),
    confirmToPerson,
    close,
  ],
};

/** An extension (Art. 12(3)) adds this step: the person must be told within the first month. */
// It discloses nothing and is due within the first month whatever else stands open, so it waits for
// neither the identity check nor the steps before it.
export const extensionNoticeStep = step("notify_extension", "Art. 12(3)", {
  action: "send_extension_notice",
  skippable: false,
  inOrder: false,
});

/** The steps of a breach incident; the notifications are required or not by `requiredNotifications`. */
export const incidentSteps: readonly CaseStepDefinition[] = [
  step("contain", "Art. 33(3)(d)", { skippable: false }),
  step("assess_risk", "Art. 33(1), 34(1)", { role: "dpo", skippable: false }),
  step("notify_authority", "Art. 33(1), (3)", { action: "notify_authority", role: "dpo" }),
  step("notify_data_subjects", "Art. 34(1), (2)", { action: "notify_data_subjects", role: "dpo" }),
  step("document", "Art. 33(5)", { role: "dpo", skippable: false }),
];

/** The steps of a request case: its type's, with the extension notice once it was extended. */
export function stepsOfRequest(type: RequestType, extended: boolean): readonly CaseStepDefinition[] {
  const steps = requestSteps[type];
  if (!extended) return steps;
  // Right after the identity check: the notice goes out before anything else is due.
  return [steps[0] as CaseStepDefinition, extensionNoticeStep, ...steps.slice(1)];
}

/**
 * Which incident notifications the assessed risk makes mandatory, as steps that may not be skipped;
 * the others may be skipped, with the assessment as the reason (Art. 33(1), 34(1), (3)).
 */
export function mandatoryIncidentSteps(risk: RiskLevel | null): ReadonlySet<string> {
  const required = new Set(["contain", "assess_risk", "document"]);
  const notifications = risk === null ? null : requiredNotifications(risk);
  if (notifications?.authority) required.add("notify_authority");
  if (notifications?.dataSubjects) required.add("notify_data_subjects");
  return required;
}
