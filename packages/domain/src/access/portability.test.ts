import { describe, expect, it } from "vitest";
import { type LegalBasis, legalBases } from "../legal-basis.ts";
import { portabilityScope } from "./portability.ts";

const record = (legalBasis: LegalBasis, state = "granted") => ({ legalBasis, state });

describe("portability scope (Art. 20(1)(a))", () => {
  it("keeps the consent and contract records only, in order, and then applies", () => {
    const records = legalBases.map((basis) => record(basis));
    expect(portabilityScope(records)).toEqual({
      applies: true,
      records: [record("consent"), record("contract")],
    });
  });

  it("does not apply without a consent or contract record, whatever else the person has", () => {
    const others = legalBases.filter((basis) => basis !== "consent" && basis !== "contract");
    expect(portabilityScope(others.map((basis) => record(basis)))).toEqual({ applies: false, records: [] });
    expect(portabilityScope([])).toEqual({ applies: false, records: [] });
  });

  it("applies with a withdrawn or only requested consent as well: the person's own declaration", () => {
    expect(portabilityScope([record("consent", "withdrawn")]).applies).toBe(true);
    expect(portabilityScope([record("consent", "requested")]).applies).toBe(true);
    expect(portabilityScope([record("contract", "ended")]).applies).toBe(true);
  });
});
