import { describe, expect, it } from "vitest";
import { type RecordEvent, recordEvents } from "../consent/record-transitions.ts";
import { DomainError } from "../errors.ts";
import {
  assertRecordEventAllowed,
  decideRestrictionChange,
  maxRestrictionReasonLength,
  recordEventAllowedWhileRestricted,
} from "./restriction.ts";

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.reason : String(error);
  }
};

describe("record events while processing is restricted (Art. 18(2))", () => {
  it("allows the person's own consent and every event that stops a processing, refuses asking and starting", () => {
    const allowed = recordEvents.filter(recordEventAllowedWhileRestricted);
    expect(allowed.sort()).toEqual(["confirm", "decline", "end", "expire", "grant", "object", "withdraw"]);
    const refused: RecordEvent[] = ["request", "activate"];
    for (const event of refused) {
      expect(reasonOf(() => assertRecordEventAllowed({ restricted: true }, event))).toBe(
        "restricted_processing",
      );
    }
  });

  it("refuses nothing for a person who is not restricted", () => {
    for (const event of recordEvents)
      expect(reasonOf(() => assertRecordEventAllowed({ restricted: false }, event))).toBeNull();
  });
});

describe("setting and lifting a restriction (Art. 18(1))", () => {
  it("needs a reason, trimmed, of sensible length", () => {
    expect(decideRestrictionChange({ restricted: false }, "restrict", "  disputes accuracy ")).toEqual({
      reason: "disputes accuracy",
    });
    expect(reasonOf(() => decideRestrictionChange({ restricted: false }, "restrict", "   "))).toBe(
      "restriction_reason_required",
    );
    const long = "x".repeat(maxRestrictionReasonLength + 1);
    expect(reasonOf(() => decideRestrictionChange({ restricted: true }, "lift", long))).toBe(
      "restriction_reason_required",
    );
  });

  it("refuses restricting twice and lifting what is not restricted", () => {
    expect(reasonOf(() => decideRestrictionChange({ restricted: true }, "restrict", "again"))).toBe(
      "already_restricted",
    );
    expect(reasonOf(() => decideRestrictionChange({ restricted: false }, "lift", "why"))).toBe(
      "not_restricted",
    );
    expect(decideRestrictionChange({ restricted: true }, "lift", "accuracy verified")).toEqual({
      reason: "accuracy verified",
    });
  });
});
