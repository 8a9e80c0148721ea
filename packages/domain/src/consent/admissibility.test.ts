import { describe, expect, it } from "vitest";
import {
  type AdmissibilityInput,
  assessAdmissibility,
  assessConsentRequestMail,
  assessTransactionalMail,
} from "./admissibility.ts";

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
    directMarketing: true,
    purposeChannels: ["email", "post"],
    objectedChannels: [],
  },
  purposeChannels: ["email", "post"],
  directMarketing: true,
  channel: "email",
  mailBlocks: [],
  objectedChannels: [],
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

describe("objection to direct marketing (#3)", () => {
  it("closes the objected channel of a direct-marketing purpose", () => {
    expect(assessAdmissibility(input({ objectedChannels: ["email"] }), now)).toEqual({
      admissible: false,
      reason: "direct_marketing_objection",
    });
  });

  it("leaves the other channels and non-marketing purposes open", () => {
    expect(assessAdmissibility(input({ objectedChannels: ["email"], channel: "post" }), now).admissible).toBe(
      true,
    );
    const contractMail = input({
      directMarketing: false,
      objectedChannels: ["email", "phone", "post", "sms", "profiling"],
      record: { ...input().record!, directMarketing: false, objectedChannels: ["email"] },
    });
    expect(assessAdmissibility(contractMail, now).admissible).toBe(true);
  });
});

describe("assessConsentRequestMail (#9)", () => {
  const person = { mailBlocks: [], objectedChannels: [], restricted: false, erased: false };
  it.each<[string, Partial<typeof person>, string]>([
    ["erased", { erased: true }, "erased"],
    ["restricted", { restricted: true }, "restricted"],
    [
      "objected to direct marketing by e-mail",
      { objectedChannels: ["email"] as never },
      "direct_marketing_objection",
    ],
    ["blocked for e-mail", { mailBlocks: ["email"] as never }, "mail_block"],
  ])("refuses a person %s", (_, overrides, reason) => {
    expect(assessConsentRequestMail({ ...person, ...overrides })).toEqual({ admissible: false, reason });
  });

  it("allows a person blocked only for post or who objected only to phone calls", () => {
    expect(
      assessConsentRequestMail({ ...person, mailBlocks: ["post"], objectedChannels: ["phone"] }).admissible,
    ).toBe(true);
  });
});

describe("assessTransactionalMail (#9)", () => {
  const person = { mailBlocks: [], objectedChannels: [], restricted: false, erased: false };
  it("sends receipts despite an objection to direct marketing, not to erased or restricted persons", () => {
    expect(assessTransactionalMail({ ...person, objectedChannels: ["email"] }).admissible).toBe(true);
    expect(assessTransactionalMail({ ...person, erased: true }).reason).toBe("erased");
    expect(assessTransactionalMail({ ...person, restricted: true }).reason).toBe("restricted");
  });
});
