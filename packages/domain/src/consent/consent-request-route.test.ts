import { describe, expect, it } from "vitest";
import { type ConsentRequestFacts, consentRequestRoute } from "./consent-request-route.ts";

const facts = (overrides: Partial<ConsentRequestFacts> = {}): ConsentRequestFacts => ({
  erased: false,
  restricted: false,
  mailBlocks: [],
  objectedChannels: [],
  admissible: false,
  alreadyAsked: false,
  otherBasisActive: false,
  refused: false,
  hasEmail: true,
  emailAdvertisingAllowed: true,
  hasPostalAddress: true,
  ...overrides,
});
const ask = { includeRefusals: false };

describe("consentRequestRoute", () => {
  it("e-mails a member for whom e-mail advertising is admissible on another basis", () => {
    expect(consentRequestRoute(facts(), ask)).toEqual({ route: "email", reason: null });
  });

  it("writes a letter when e-mail advertising is not admissible (UWG §7(2) no. 2), or no address or a block", () => {
    const letter = { route: "letter", reason: null };
    expect(consentRequestRoute(facts({ emailAdvertisingAllowed: false }), ask)).toEqual(letter);
    expect(consentRequestRoute(facts({ hasEmail: false }), ask)).toEqual(letter);
    expect(consentRequestRoute(facts({ mailBlocks: ["email"] }), ask)).toEqual(letter);
    expect(consentRequestRoute(facts({ objectedChannels: ["email"] }), ask)).toEqual(letter);
  });

  it("has no lawful channel without an address, or when post is objected to or blocked too", () => {
    const none = { route: null, reason: "no_lawful_channel" };
    const noMail = { emailAdvertisingAllowed: false };
    expect(consentRequestRoute(facts({ ...noMail, hasPostalAddress: false }), ask)).toEqual(none);
    expect(consentRequestRoute(facts({ ...noMail, objectedChannels: ["post"] }), ask)).toEqual(none);
    expect(consentRequestRoute(facts({ ...noMail, mailBlocks: ["post"] }), ask)).toEqual(none);
    expect(consentRequestRoute(facts({ objectedChannels: ["email", "post"] }), ask)).toEqual(none);
  });

  it("an objection by post leaves the e-mail way open where it is admissible", () => {
    expect(consentRequestRoute(facts({ objectedChannels: ["post"] }), ask).route).toBe("email");
  });

  it("never asks erased or restricted persons (Art. 17, 18(2)), even when the DPO includes refusals", () => {
    const all = { includeRefusals: true };
    expect(consentRequestRoute(facts({ erased: true, restricted: true }), all).reason).toBe("erased");
    expect(consentRequestRoute(facts({ restricted: true }), all).reason).toBe("restricted");
  });

  it("does not ask who may already be contacted, nor twice for the same list and purposes", () => {
    expect(consentRequestRoute(facts({ admissible: true, alreadyAsked: true }), ask).reason).toBe(
      "already_admissible",
    );
    expect(consentRequestRoute(facts({ alreadyAsked: true, refused: true }), ask).reason).toBe(
      "already_asked",
    );
  });

  it("does not swap a running basis for consent", () => {
    expect(consentRequestRoute(facts({ otherBasisActive: true }), { includeRefusals: true }).reason).toBe(
      "other_basis_active",
    );
  });

  it("respects a no unless the DPO includes refusals explicitly", () => {
    expect(consentRequestRoute(facts({ refused: true }), ask).reason).toBe("refused");
    expect(consentRequestRoute(facts({ refused: true }), { includeRefusals: true }).route).toBe("email");
    expect(
      consentRequestRoute(facts({ refused: true, emailAdvertisingAllowed: false }), { includeRefusals: true })
        .route,
    ).toBe("letter");
  });
});
