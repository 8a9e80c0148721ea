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
    proof: {
      source: "microsite",
      documented: true,
      minorWithoutParentalConsent: false,
      toldOfRightToObject: false,
    },
  },
  partyType: "consumer",
  customerFromSale: false,
  purposeChannels: ["email", "post"],
  directMarketing: true,
  ownSimilarGoods: false,
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

describe("the channel's own law (issue 8 #2)", () => {
  const consent = input().record!;
  const withRecord = (
    record: Partial<NonNullable<AdmissibilityInput["record"]>>,
    overrides: Partial<AdmissibilityInput> = {},
  ) =>
    input({ ...overrides, record: { ...consent, ...record, proof: { ...consent.proof, ...record.proof } } });
  const legitimate = {
    legalBasis: "legitimate_interests" as const,
    state: "active" as const,
    purposeVersion: null,
  };
  const phonePurpose = { purposeChannels: ["phone"] as const, channel: "phone" as const };

  it("Art. 7(1), UWG §7a: a consent without evidence cannot be demonstrated", () => {
    expect(assessAdmissibility(withRecord({ proof: { documented: false } as never }), now).reason).toBe(
      "consent_unproven",
    );
  });

  it("Art. 8(1): a minor's consent without parental consent does not count", () => {
    expect(
      assessAdmissibility(withRecord({ proof: { minorWithoutParentalConsent: true } as never }), now).reason,
    ).toBe("minor_without_parental_consent");
  });

  it("UWG §7(3): e-mail without consent only when all four conditions hold", () => {
    const all = { customerFromSale: true, ownSimilarGoods: true };
    const told = { proof: { toldOfRightToObject: true } as never };
    expect(assessAdmissibility(withRecord({ ...legitimate, ...told }, all), now)).toEqual({
      admissible: true,
      reason: "admissible",
    });
    expect(
      assessAdmissibility(withRecord({ ...legitimate, ...told }, { ...all, customerFromSale: false }), now)
        .reason,
    ).toBe("uwg_7_3_not_met");
    expect(
      assessAdmissibility(withRecord({ ...legitimate, ...told }, { ...all, ownSimilarGoods: false }), now)
        .reason,
    ).toBe("uwg_7_3_not_met");
    expect(assessAdmissibility(withRecord({ ...legitimate }, all), now).reason).toBe("uwg_7_3_not_met");
    // (3) no objection: the objection closes the channel before the exception is looked at.
    expect(
      assessAdmissibility(
        withRecord({ ...legitimate, ...told }, { ...all, objectedChannels: ["email"] }),
        now,
      ).reason,
    ).toBe("direct_marketing_objection");
    expect(
      assessAdmissibility(
        withRecord({ ...legitimate, ...told }, { ...all, channel: "sms", purposeChannels: ["sms"] }),
        now,
      ).admissible,
    ).toBe(true);
  });

  it("UWG §7(2) no. 1: a consumer's phone consent must be express; an e-mail double opt-in does not prove it", () => {
    expect(
      assessAdmissibility(withRecord({ proof: { source: "microsite" } as never }, phonePurpose), now).reason,
    ).toBe("phone_consent_not_express");
    expect(
      assessAdmissibility(withRecord({ proof: { source: "email" } as never }, phonePurpose), now).reason,
    ).toBe("phone_consent_not_express");
    expect(
      assessAdmissibility(withRecord({ proof: { source: "phone" } as never }, phonePurpose), now).admissible,
    ).toBe(true);
    expect(
      assessAdmissibility(withRecord({ proof: { source: "signature" } as never }, phonePurpose), now)
        .admissible,
    ).toBe(true);
    expect(
      assessAdmissibility(
        withRecord({ ...legitimate, proof: { source: "phone" } as never }, phonePurpose),
        now,
      ).reason,
    ).toBe("phone_consent_not_express");
  });

  it("UWG §7(2) no. 1: a business contact may be called on presumed consent from documented facts", () => {
    const business = { ...phonePurpose, partyType: "business" as const };
    expect(assessAdmissibility(withRecord({ ...legitimate }, business), now).admissible).toBe(true);
    expect(
      assessAdmissibility(withRecord({ ...legitimate, proof: { documented: false } as never }, business), now)
        .reason,
    ).toBe("presumed_consent_undocumented");
  });

  it("Recital 47: post on legitimate interests, until the person objects", () => {
    const post = { channel: "post" as const };
    expect(assessAdmissibility(withRecord({ ...legitimate }, post), now).admissible).toBe(true);
    expect(
      assessAdmissibility(withRecord({ ...legitimate }, { ...post, objectedChannels: ["post"] }), now).reason,
    ).toBe("direct_marketing_objection");
  });

  it("mail that is not advertising (contract, legal duty, breach) is not held to UWG §7", () => {
    const contract = { legalBasis: "contract" as const, state: "active" as const, purposeVersion: null };
    expect(
      assessAdmissibility(
        withRecord({ ...contract }, { directMarketing: false, objectedChannels: ["email", "phone", "post"] }),
        now,
      ).admissible,
    ).toBe(true);
    expect(
      assessAdmissibility(withRecord({ ...contract }, { directMarketing: false, ...phonePurpose }), now)
        .admissible,
    ).toBe(true);
  });

  it("a retired purpose or an ended validity closes every channel", () => {
    expect(assessAdmissibility(withRecord({ purposeActive: false }, { channel: "post" }), now).reason).toBe(
      "purpose_inactive",
    );
    expect(
      assessAdmissibility(withRecord({ validUntil: new Date(now.getTime() - 1) }, { channel: "post" }), now)
        .reason,
    ).toBe("consent_expired");
  });
});
