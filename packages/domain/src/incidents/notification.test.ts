import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  breachNoticeReach,
  checkAuthorityNotification,
  checkRiskAssessment,
  checkSubjectsNotification,
  mayMailBreachNotice,
} from "./notification.ts";

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.reason;
    throw error;
  }
  return null;
};
const awareAt = new Date("2026-11-02T08:00:00Z");
const hours = (n: number) => new Date(awareAt.getTime() + n * 3_600_000);

describe("incident notifications (Art. 33, 34)", () => {
  it("a risk assessment needs its reasons, whatever the outcome (Art. 33(5))", () => {
    expect(reasonOf(() => checkRiskAssessment({ risk: "none", reasons: "fine" }))).toBe(
      "risk_reasons_required",
    );
    expect(
      reasonOf(() =>
        checkRiskAssessment({ risk: "none", reasons: "The laptop was encrypted; the key is safe" }),
      ),
    ).toBeNull();
  });

  it("within 72 hours no reason is asked; after it, the reasons for the delay are (Art. 33(1))", () => {
    expect(
      checkAuthorityNotification({ awareAt, notifiedAt: hours(72), now: hours(80), delayReason: null }),
    ).toEqual({
      late: false,
    });
    expect(
      reasonOf(() =>
        checkAuthorityNotification({ awareAt, notifiedAt: hours(73), now: hours(80), delayReason: " " }),
      ),
    ).toBe("delay_reason_required");
    expect(
      checkAuthorityNotification({
        awareAt,
        notifiedAt: hours(73),
        now: hours(80),
        delayReason: "The processor reported the scope only on day 3",
      }),
    ).toEqual({ late: true });
  });

  it("a notification before awareness or in the future is refused", () => {
    expect(
      reasonOf(() =>
        checkAuthorityNotification({ awareAt, notifiedAt: hours(-1), now: hours(2), delayReason: null }),
      ),
    ).toBe("invalid_notification_time");
    expect(
      reasonOf(() =>
        checkAuthorityNotification({ awareAt, notifiedAt: hours(5), now: hours(2), delayReason: null }),
      ),
    ).toBe("invalid_notification_time");
  });

  it("the people affected must be told at high risk, may be at risk, not at none or unassessed (Art. 34(1))", () => {
    expect(checkSubjectsNotification("high")).toEqual({ required: true });
    expect(checkSubjectsNotification("risk")).toEqual({ required: false });
    expect(reasonOf(() => checkSubjectsNotification("none"))).toBe("subjects_notification_not_allowed");
    expect(reasonOf(() => checkSubjectsNotification(null))).toBe("risk_not_assessed");
  });

  it("every linked person with an address gets the notice; only level-3 erasure or no address stops it", () => {
    expect(breachNoticeReach({ erasedLevel: 0, hasEmail: true })).toBe("email");
    // Levels 1 and 2 keep the primary address; the notice is no advertising (Art. 21(3)).
    expect(breachNoticeReach({ erasedLevel: 2, hasEmail: true })).toBe("email");
    expect(breachNoticeReach({ erasedLevel: 0, hasEmail: false })).toBe("no_email");
    expect(breachNoticeReach({ erasedLevel: 3, hasEmail: true })).toBe("erased");
    expect(breachNoticeReach({ erasedLevel: 3, hasEmail: false })).toBe("erased");
    expect(mayMailBreachNotice({ erasedLevel: 1 })).toBe(true);
    expect(mayMailBreachNotice({ erasedLevel: 3 })).toBe(false);
  });
});
