import { describe, expect, it } from "vitest";
import { erasureRecordEvent } from "./record-events.ts";

describe("erasureRecordEvent", () => {
  it("withdraws every live consent, also a pending request, at every level", () => {
    for (const state of ["requested", "granted", "confirmed"] as const)
      expect(erasureRecordEvent({ legalBasis: "consent", state, directMarketing: false }, 1)).toBe(
        "withdraw",
      );
    expect(
      erasureRecordEvent({ legalBasis: "consent", state: "withdrawn", directMarketing: true }, 3),
    ).toBeNull();
  });

  it("objects to direct marketing on legitimate interests at every level", () => {
    const record = { legalBasis: "legitimate_interests", state: "active", directMarketing: true } as const;
    expect(erasureRecordEvent(record, 1)).toBe("object");
    expect(erasureRecordEvent({ ...record, directMarketing: false }, 1)).toBeNull();
    expect(erasureRecordEvent({ ...record, directMarketing: false }, 3)).toBe("end");
  });

  it("keeps contracts and legal obligations below level 3 and ends them at level 3", () => {
    for (const legalBasis of ["contract", "legal_obligation"] as const) {
      const record = { legalBasis, state: "active", directMarketing: true } as const;
      expect(erasureRecordEvent(record, 2)).toBeNull();
      expect(erasureRecordEvent(record, 3)).toBe("end");
      expect(erasureRecordEvent({ ...record, state: "ended" }, 3)).toBeNull();
    }
  });
});
