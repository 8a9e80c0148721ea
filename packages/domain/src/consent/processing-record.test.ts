import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import type { LegalBasis } from "../legal-basis.ts";
import { assessRecord, type RecordFacts, type RecordState } from "./processing-record.ts";
import {
  allowedRecordEvents,
  assertBasisAllowed,
  assertConfirmationByDataSubject,
  availableRecordEvents,
  nextRecord,
  nextRecordState,
  type RecordEvent,
} from "./record-transitions.ts";

const now = new Date("2026-06-15T12:00:00Z");
const consent = (overrides: Partial<RecordFacts> = {}): RecordFacts => ({
  legalBasis: "consent",
  state: "granted",
  doubleOptIn: false,
  validUntil: null,
  purposeVersion: 2,
  purposeMinValidVersion: 2,
  purposeActive: true,
  directMarketing: false,
  purposeChannels: ["email"],
  objectedChannels: [],
  ...overrides,
});
const contract = (overrides: Partial<RecordFacts> = {}): RecordFacts =>
  consent({ legalBasis: "contract", state: "active", purposeVersion: null, ...overrides });

describe("assessRecord", () => {
  it.each<[string, RecordFacts, string]>([
    ["granted consent", consent(), "valid"],
    ["consent valid until later", consent({ validUntil: new Date("2026-06-15T12:00:01Z") }), "valid"],
    ["confirmed double opt-in", consent({ doubleOptIn: true, state: "confirmed" }), "valid"],
    ["newer text than the minimum", consent({ purposeVersion: 3 }), "valid"],
    ["active contract", contract(), "valid"],
    ["active legitimate interest", contract({ legalBasis: "legitimate_interests" }), "valid"],
    ["requested consent", consent({ state: "requested" }), "consent_requested"],
    ["declined consent", consent({ state: "declined" }), "consent_declined"],
    ["withdrawn consent", consent({ state: "withdrawn" }), "consent_withdrawn"],
    ["consent in state expired", consent({ state: "expired" }), "consent_expired"],
    ["consent reaching validUntil exactly now", consent({ validUntil: now }), "consent_expired"],
    ["granted only, double opt-in required", consent({ doubleOptIn: true }), "double_opt_in_unconfirmed"],
    ["text before a material change", consent({ purposeVersion: 1 }), "outdated_text_version"],
    ["consent without a known text version", consent({ purposeVersion: null }), "outdated_text_version"],
    ["ended contract", contract({ state: "ended" }), "contract_ended"],
    ["objection", contract({ legalBasis: "legitimate_interests", state: "objected" }), "objected"],
    ["active contract past validUntil", contract({ validUntil: new Date("2026-06-01") }), "basis_expired"],
    ["inactive purpose", consent({ purposeActive: false }), "purpose_inactive"],
    ["consent state on a contract", contract({ state: "granted" }), "state_not_allowed_for_basis"],
    ["contract state on a consent", consent({ state: "active" }), "state_not_allowed_for_basis"],
  ])("%s -> %s", (_, record, reason) => {
    expect(assessRecord(record, now)).toEqual({ valid: reason === "valid", reason });
  });

  describe("precedence", () => {
    const past = new Date("2026-01-01");
    it("reports a withdrawal before expiry, old text or an inactive purpose", () => {
      const record = consent({
        state: "withdrawn",
        validUntil: past,
        purposeVersion: 1,
        purposeActive: false,
      });
      expect(assessRecord(record, now).reason).toBe("consent_withdrawn");
    });

    it("reports an objection before expiry", () => {
      const record = contract({ legalBasis: "public_task", state: "objected", validUntil: past });
      expect(assessRecord(record, now).reason).toBe("objected");
    });

    it("reports an inactive purpose before expiry", () => {
      expect(assessRecord(consent({ purposeActive: false, validUntil: past }), now).reason).toBe(
        "purpose_inactive",
      );
    });

    it("reports expiry before an outdated text and missing confirmation", () => {
      const record = consent({ validUntil: past, purposeVersion: 1, doubleOptIn: true });
      expect(assessRecord(record, now).reason).toBe("consent_expired");
    });

    it("reports an outdated text before missing confirmation", () => {
      expect(assessRecord(consent({ purposeVersion: 1, doubleOptIn: true }), now).reason).toBe(
        "outdated_text_version",
      );
    });
  });
});

describe("nextRecordState", () => {
  it.each<[RecordState | null, RecordEvent, LegalBasis, RecordState]>([
    [null, "request", "consent", "requested"],
    [null, "grant", "consent", "granted"],
    [null, "decline", "consent", "declined"],
    ["requested", "grant", "consent", "granted"],
    ["requested", "decline", "consent", "declined"],
    ["requested", "request", "consent", "requested"],
    ["granted", "confirm", "consent", "confirmed"],
    ["granted", "request", "consent", "granted"],
    ["confirmed", "grant", "consent", "granted"],
    ["requested", "withdraw", "consent", "withdrawn"],
    ["granted", "withdraw", "consent", "withdrawn"],
    ["confirmed", "withdraw", "consent", "withdrawn"],
    ["granted", "expire", "consent", "expired"],
    ["withdrawn", "grant", "consent", "granted"],
    ["declined", "request", "consent", "requested"],
    ["expired", "grant", "consent", "granted"],
    [null, "activate", "contract", "active"],
    ["active", "end", "contract", "ended"],
    ["ended", "activate", "contract", "active"],
    ["active", "object", "legitimate_interests", "objected"],
    ["active", "object", "public_task", "objected"],
  ])("%s --%s--> (%s) %s", (from, event, basis, to) => {
    expect(nextRecordState(from, event, basis)).toBe(to);
  });

  it.each<[RecordState | null, RecordEvent, LegalBasis]>([
    [null, "confirm", "consent"],
    ["requested", "confirm", "consent"],
    ["withdrawn", "withdraw", "consent"],
    ["declined", "withdraw", "consent"],
    ["withdrawn", "confirm", "consent"],
    ["granted", "decline", "consent"],
    [null, "activate", "consent"],
    ["granted", "end", "consent"],
    [null, "grant", "contract"],
    ["active", "withdraw", "contract"],
    ["active", "activate", "contract"],
    ["active", "object", "contract"],
    ["active", "object", "legal_obligation"],
    ["active", "object", "vital_interests"],
    ["objected", "activate", "legitimate_interests"],
    ["granted", "end", "contract"],
  ])("%s --%s--> (%s) throws invalid_transition", (from, event, basis) => {
    expect(() => nextRecordState(from, event, basis)).toThrow(DomainError);
    try {
      nextRecordState(from, event, basis);
    } catch (error) {
      expect((error as DomainError).code).toBe("invalid_transition");
    }
  });

  it("lists the allowed events", () => {
    expect(allowedRecordEvents("confirmed", "consent")).toEqual(["request", "grant", "withdraw", "expire"]);
    expect(allowedRecordEvents("active", "contract")).toEqual(["end"]);
    expect(allowedRecordEvents("active", "legitimate_interests")).toEqual(["end", "object"]);
  });
});

describe("objection to direct marketing (#3)", () => {
  const newsletter = { directMarketing: true, purposeChannels: ["email"] as const };
  it.each<[string, Partial<RecordFacts>, string]>([
    [
      "closes a direct-marketing consent on its channel",
      { ...newsletter, objectedChannels: ["email"] },
      "direct_marketing_objection",
    ],
    [
      "closes a direct-marketing purpose on legitimate interests",
      {
        ...newsletter,
        legalBasis: "legitimate_interests",
        state: "active",
        purposeVersion: null,
        objectedChannels: ["email", "post"],
      },
      "direct_marketing_objection",
    ],
    [
      "closes a direct-marketing contract purpose, whatever its basis",
      {
        ...newsletter,
        legalBasis: "contract",
        state: "active",
        purposeVersion: null,
        objectedChannels: ["email"],
      },
      "direct_marketing_objection",
    ],
    [
      "leaves a purpose open that still has a channel not objected to",
      { directMarketing: true, purposeChannels: ["email", "post"], objectedChannels: ["email"] },
      "valid",
    ],
    [
      "leaves purposes that are not direct marketing open (contract, legal duty, breach mail)",
      { directMarketing: false, objectedChannels: ["email", "phone", "post", "sms", "profiling"] },
      "valid",
    ],
    [
      "closes a purpose without channels only on every channel",
      { directMarketing: true, purposeChannels: [], objectedChannels: ["email"] },
      "valid",
    ],
    [
      "reports the withdrawal first: it is the person's own final word on that purpose",
      { ...newsletter, state: "withdrawn", objectedChannels: ["email"] },
      "consent_withdrawn",
    ],
  ])("%s", (_, overrides, reason) => {
    expect(assessRecord(consent(overrides), now).reason).toBe(reason);
  });
});

describe("nextRecord: people may change their minds (#5)", () => {
  it.each<[RecordState, LegalBasis, RecordEvent, LegalBasis, RecordState, LegalBasis]>([
    ["withdrawn", "consent", "grant", "consent", "granted", "consent"],
    ["declined", "consent", "grant", "consent", "granted", "consent"],
    ["expired", "consent", "request", "consent", "requested", "consent"],
    ["objected", "legitimate_interests", "grant", "consent", "granted", "consent"],
    ["ended", "contract", "grant", "consent", "granted", "consent"],
    ["ended", "contract", "activate", "contract", "active", "contract"],
    ["withdrawn", "consent", "activate", "contract", "active", "contract"],
    ["objected", "public_task", "request", "consent", "requested", "consent"],
  ])(
    "from %s (%s), %s on %s → %s (%s)",
    (state, legalBasis, event, requested, expectedState, expectedBasis) => {
      const next = nextRecord({ state, legalBasis }, event, requested);
      expect(next).toMatchObject({ state: expectedState, legalBasis: expectedBasis });
    },
  );

  it.each<[RecordState, LegalBasis, RecordEvent, LegalBasis]>([
    // A running basis is not replaced behind its back: end it first.
    ["active", "contract", "grant", "consent"],
    ["granted", "consent", "activate", "contract"],
    // An objection to legitimate interests is not undone by re-activating the same basis.
    ["objected", "legitimate_interests", "activate", "legitimate_interests"],
  ])("refuses from %s (%s) to %s on %s", (state, legalBasis, event, requested) => {
    expect(() => nextRecord({ state, legalBasis }, event, requested)).toThrow(DomainError);
  });
});

describe("assertConfirmationByDataSubject (#1)", () => {
  it("lets only the data subject confirm a double opt-in", () => {
    expect(() => assertConfirmationByDataSubject("data_subject")).not.toThrow();
    for (const actor of ["staff", "system", "api"] as const)
      expect(() => assertConfirmationByDataSubject(actor)).toThrow("confirm_only_by_data_subject");
  });
});

describe("assertBasisAllowed (#5)", () => {
  const purpose = {
    defaultLegalBasis: "consent" as const,
    allowedLegalBases: ["consent", "contract"] as LegalBasis[],
  };
  it("accepts the declared bases and refuses the others", () => {
    expect(() => assertBasisAllowed(purpose, "contract")).not.toThrow();
    expect(() => assertBasisAllowed(purpose, "legitimate_interests")).toThrow("basis_not_allowed");
  });
  it("allows only the default when none are declared", () => {
    expect(() => assertBasisAllowed({ ...purpose, allowedLegalBases: [] }, "consent")).not.toThrow();
    expect(() => assertBasisAllowed({ ...purpose, allowedLegalBases: [] }, "contract")).toThrow();
  });
});

describe("availableRecordEvents (#1, #5)", () => {
  it("never offers a confirmation, and offers a new basis only after a final state", () => {
    const granted = availableRecordEvents({ state: "granted", legalBasis: "consent" }, [
      "consent",
      "contract",
    ]);
    expect(granted.map((a) => a.event)).not.toContain("confirm");
    expect(granted).not.toContainEqual({ event: "activate", legalBasis: "contract" });
    const withdrawn = availableRecordEvents({ state: "withdrawn", legalBasis: "consent" }, [
      "consent",
      "contract",
    ]);
    expect(withdrawn).toContainEqual({ event: "grant", legalBasis: "consent" });
    expect(withdrawn).toContainEqual({ event: "activate", legalBasis: "contract" });
    const onlyConsent = availableRecordEvents(null, ["consent"]);
    expect(onlyConsent.map((a) => a.legalBasis)).toEqual(onlyConsent.map(() => "consent"));
  });
});
