import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { type CaseStepRecord, caseProgress, checkStepCompletion } from "./case-progress.ts";
import { incidentSteps, mandatoryIncidentSteps, requestSteps, stepsOfRequest } from "./case-steps.ts";
import { requestTypes } from "./deadline.ts";

const at = new Date("2026-11-02T10:00:00Z");
const done = (key: string): CaseStepRecord => ({ key, doneAt: at, skippedReason: null });
const skipped = (key: string, reason: string): CaseStepRecord => ({ key, doneAt: at, skippedReason: reason });
const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.reason;
    throw error;
  }
  return null;
};

describe("the guided steps (issue 11 #2)", () => {
  it("every request type starts with the identity check and ends with closing, each step with its article", () => {
    for (const type of requestTypes) {
      const steps = requestSteps[type];
      expect(steps[0]?.key, type).toBe("verify_identity");
      expect(steps.at(-1)?.key, type).toBe("close");
      expect(new Set(steps.map((s) => s.key)).size, type).toBe(steps.length);
      for (const s of steps) expect(s.article, `${type}/${s.key}`).toMatch(/^Art\. \d+/);
    }
    expect(requestSteps.access.map((s) => s.key)).toEqual([
      "verify_identity",
      "generate_report",
      "review_report",
      "send_report",
      "close",
    ]);
    expect(requestSteps.erasure.map((s) => s.key)).toEqual([
      "verify_identity",
      "choose_level",
      "erase",
      "notify_recipients",
      "confirm_to_person",
      "close",
    ]);
  });

  it("every step that discloses or erases waits for the identity; the identity check itself never does", () => {
    for (const type of requestTypes)
      for (const s of requestSteps[type]) {
        const discloses = ["generate_access_report", "send_access_report", "export_portability", "erase"];
        if (s.action && discloses.includes(s.action)) expect(s.needsIdentity, `${type}/${s.key}`).toBe(true);
      }
    const progress = caseProgress(requestSteps.access, [done("verify_identity")], {
      identityVerified: false,
    });
    expect(progress.steps[1]).toMatchObject({
      key: "generate_report",
      status: "locked",
      lockedBy: "identity",
    });
    expect(reasonOf(() => checkStepCompletion(progress, { key: "generate_report", role: "dpo" }))).toBe(
      "identity_not_verified",
    );
  });

  it("opens one step at a time, in order, and finishes when each is done or skipped", () => {
    const records = [done("verify_identity")];
    let progress = caseProgress(requestSteps.objection, records, { identityVerified: true });
    expect(progress.next).toBe("record_objection");
    expect(progress.steps.map((s) => s.status)).toEqual(["done", "open", "locked", "locked", "locked"]);
    expect(reasonOf(() => checkStepCompletion(progress, { key: "confirm_to_person", role: "dpo" }))).toBe(
      "case_step_not_next",
    );
    records.push(done("record_objection"));
    progress = caseProgress(requestSteps.objection, records, { identityVerified: true });
    // Compelling grounds are the DPO's call; staff may not decide them.
    expect(
      reasonOf(() => checkStepCompletion(progress, { key: "check_compelling_grounds", role: "staff" })),
    ).toBe("case_step_role");
    expect(
      reasonOf(() =>
        checkStepCompletion(progress, { key: "check_compelling_grounds", role: "dpo", skipReason: "" }),
      ),
    ).toBe("skip_reason_required");
    expect(
      checkStepCompletion(progress, {
        key: "check_compelling_grounds",
        role: "dpo",
        skipReason: "Direct marketing: no compelling grounds exist (Art. 21(3))",
      }).key,
    ).toBe("check_compelling_grounds");
    records.push(
      skipped("check_compelling_grounds", "Direct marketing (Art. 21(3))"),
      done("confirm_to_person"),
    );
    progress = caseProgress(requestSteps.objection, records, { identityVerified: true });
    expect(progress).toMatchObject({ next: "close", finished: false });
    expect(progress.steps[2]?.status).toBe("skipped");
    records.push(done("close"));
    progress = caseProgress(requestSteps.objection, records, { identityVerified: true });
    expect(progress).toMatchObject({ next: null, finished: true });
    expect(reasonOf(() => checkStepCompletion(progress, { key: "close", role: "dpo" }))).toBe(
      "case_step_already_done",
    );
    expect(reasonOf(() => checkStepCompletion(progress, { key: "nope", role: "dpo" }))).toBe(
      "case_step_not_found",
    );
  });

  it("never skips the identity check, the erasure itself or the answer to the person", () => {
    const progress = caseProgress(requestSteps.erasure, [], { identityVerified: false });
    expect(
      reasonOf(() =>
        checkStepCompletion(progress, {
          key: "verify_identity",
          role: "admin",
          skipReason: "known customer",
        }),
      ),
    ).toBe("case_step_not_skippable");
    const skippable = requestSteps.erasure.filter((s) => s.skippable).map((s) => s.key);
    expect(skippable).toEqual(["notify_recipients"]);
  });

  it("an extended request gets the extension notice right after the identity check", () => {
    expect(stepsOfRequest("access", true).map((s) => s.key)).toEqual([
      "verify_identity",
      "notify_extension",
      "generate_report",
      "review_report",
      "send_report",
      "close",
    ]);
    expect(stepsOfRequest("access", false)).toBe(requestSteps.access);
  });

  it("the extension notice waits for neither the identity nor the steps before it, and blocks nothing (Art. 12(3))", () => {
    const steps = stepsOfRequest("access", true);
    const before = caseProgress(steps, [], { identityVerified: false });
    expect(before.steps.find((s) => s.key === "notify_extension")).toMatchObject({
      status: "open",
      lockedBy: null,
    });
    // The identity check is still what comes next; the report waits for it, not for the notice.
    expect(before.next).toBe("verify_identity");
    expect(reasonOf(() => checkStepCompletion(before, { key: "notify_extension", role: "dpo" }))).toBeNull();
    const verified = caseProgress(steps, [done("verify_identity")], { identityVerified: true });
    expect(verified.steps.find((s) => s.key === "generate_report")?.status).toBe("open");
    expect(verified.finished).toBe(false);
    // Closing still needs it: the last step waits for every other step, the notice too.
    const allButNotice = caseProgress(
      steps,
      ["verify_identity", "generate_report", "review_report", "send_report"].map(done),
      { identityVerified: true },
    );
    expect(allButNotice.steps.find((s) => s.key === "close")).toMatchObject({
      status: "locked",
      lockedBy: "previous",
    });
    expect(allButNotice.next).toBe("notify_extension");
    expect(allButNotice.finished).toBe(false);
  });
});

describe("incident steps (issue 11 #6)", () => {
  it("make the notifications the assessed risk requires mandatory (Art. 33(1), 34(1))", () => {
    expect([...mandatoryIncidentSteps(null)]).toEqual(["contain", "assess_risk", "document"]);
    expect(mandatoryIncidentSteps("none").has("notify_authority")).toBe(false);
    expect(mandatoryIncidentSteps("risk").has("notify_authority")).toBe(true);
    expect(mandatoryIncidentSteps("risk").has("notify_data_subjects")).toBe(false);
    expect(mandatoryIncidentSteps("high").has("notify_data_subjects")).toBe(true);
    const records = [done("contain"), done("assess_risk")];
    const high = caseProgress(incidentSteps, records, {
      identityVerified: true,
      mandatory: mandatoryIncidentSteps("high"),
    });
    expect(
      reasonOf(() =>
        checkStepCompletion(high, {
          key: "notify_authority",
          role: "dpo",
          skipReason: "we think it is fine",
        }),
      ),
    ).toBe("case_step_not_skippable");
    const none = caseProgress(incidentSteps, records, {
      identityVerified: true,
      mandatory: mandatoryIncidentSteps("none"),
    });
    expect(
      checkStepCompletion(none, {
        key: "notify_authority",
        role: "dpo",
        skipReason: "Encrypted laptop, key not lost: no risk (Art. 33(1))",
      }).mandatory,
    ).toBe(false);
  });
});
