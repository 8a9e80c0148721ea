import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { checkAuthorityNotification, checkRiskAssessment } from "./notification.ts";

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
});
