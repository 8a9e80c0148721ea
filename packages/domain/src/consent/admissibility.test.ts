import { describe, expect, it } from "vitest";
import { type AdmissibilityInput, assessAdmissibility } from "./admissibility.ts";

const now = new Date("2026-06-15T12:00:00Z");
const input = (overrides: Partial<AdmissibilityInput> = {}): AdmissibilityInput => ({
  record: {
    legalBasis: "consent",
    state: "confirmed",
    doubleOptIn: true,
    validUntil: null,
    purposeVersion: 1,
    purposeMinValidVersion: 1,
    purposeActive: true,
  },
  purposeChannels: ["email", "post"],
  channel: "email",
  mailBlocks: [],
  restricted: false,
  erased: false,
  ...overrides,
});

describe("assessAdmissibility", () => {
  it("admits a valid record on a covered, unblocked channel", () => {
    expect(assessAdmissibility(input(), now)).toEqual({ admissible: true, reason: "admissible" });
  });

  it.each<[string, Partial<AdmissibilityInput>, string]>([
    ["erased", { erased: true, restricted: true }, "erased"],
    ["restricted (Art. 18)", { restricted: true, mailBlocks: ["email"] }, "restricted"],
    ["mail block on the channel", { mailBlocks: ["email"] }, "mail_block"],
    ["channel not covered", { channel: "phone" }, "channel_not_covered"],
    ["no record", { record: null }, "no_record"],
  ])("refuses when %s", (_, overrides, reason) => {
    expect(assessAdmissibility(input(overrides), now)).toEqual({ admissible: false, reason });
  });

  it("ignores a mail block on another channel", () => {
    expect(assessAdmissibility(input({ mailBlocks: ["phone"] }), now).admissible).toBe(true);
  });

  it("passes the record's reason through", () => {
    const base = input();
    const record = base.record && { ...base.record, state: "granted" as const };
    expect(assessAdmissibility({ ...base, record }, now)).toEqual({
      admissible: false,
      reason: "double_opt_in_unconfirmed",
    });
  });
});
