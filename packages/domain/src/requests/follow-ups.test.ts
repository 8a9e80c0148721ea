import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  checkFollowUpDueDate,
  checkFollowUpPostpone,
  controllerToday,
  followUpStatus,
  mayChangeFollowUp,
} from "./follow-ups.ts";

const berlin = (local: string) => new Date(`${local}+01:00`);
const reasonOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.reason : String(error);
  }
};

describe("follow-ups", () => {
  const now = berlin("2026-11-30T23:30:00");

  it("counts days in the controller's time zone: due today is due, not overdue", () => {
    expect(controllerToday(new Date("2026-11-30T23:30:00Z"))).toBe("2026-12-01");
    expect(followUpStatus("2026-11-30", now)).toEqual({ daysLeft: 0, due: true, overdue: false });
    expect(followUpStatus("2026-11-29", now)).toEqual({ daysLeft: -1, due: true, overdue: true });
    expect(followUpStatus("2026-12-01", now)).toEqual({ daysLeft: 1, due: false, overdue: false });
  });

  it("a new one may be due today, not yesterday", () => {
    expect(reasonOf(() => checkFollowUpDueDate("2026-11-30", now))).toBeNull();
    expect(reasonOf(() => checkFollowUpDueDate("2026-11-29", now))).toBe("follow_up_due_in_past");
  });

  it("postponing needs a reason and a day after today", () => {
    expect(checkFollowUpPostpone({ newDueOn: "2026-12-01", reason: "  waiting for the ID  " }, now)).toEqual({
      reason: "waiting for the ID",
    });
    expect(reasonOf(() => checkFollowUpPostpone({ newDueOn: "2026-12-01", reason: "  " }, now))).toBe(
      "follow_up_postpone_reason_required",
    );
    expect(reasonOf(() => checkFollowUpPostpone({ newDueOn: "2026-11-30", reason: "later" }, now))).toBe(
      "follow_up_postpone_not_future",
    );
    expect(reasonOf(() => checkFollowUpPostpone({ newDueOn: "2026-11-01", reason: "later" }, now))).toBe(
      "follow_up_postpone_not_future",
    );
  });

  it("its assignee, its creator, the DPO and admins change it", () => {
    const followUp = { assigneeId: "a", createdBy: "c" };
    expect(mayChangeFollowUp(followUp, { id: "a", role: "staff" })).toBe(true);
    expect(mayChangeFollowUp(followUp, { id: "c", role: "staff" })).toBe(true);
    expect(mayChangeFollowUp(followUp, { id: "x", role: "marketing" })).toBe(false);
    expect(mayChangeFollowUp(followUp, { id: "x", role: "dpo" })).toBe(true);
  });
});
