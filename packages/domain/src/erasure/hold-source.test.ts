import { describe, expect, it } from "vitest";
import { holdSource } from "./hold-source.ts";
import { consentEvidenceHold, holdKeys, legalHoldFor, retentionDutyKeys } from "./retention.ts";

describe("holdSource", () => {
  it("names the same law as the hold itself, for every hold key", () => {
    for (const key of retentionDutyKeys) expect(holdSource(key)).toBe(legalHoldFor(key, "2025-03-01").source);
    const ended = new Date("2026-11-30T12:00:00Z");
    expect(holdSource("consent_evidence")).toBe(consentEvidenceHold(ended, { phone: false }).source);
    expect(holdSource("phone_consent_evidence")).toBe(consentEvidenceHold(ended, { phone: true }).source);
    expect(holdKeys.map(holdSource).every((source) => source.length > 5)).toBe(true);
  });
});
