import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { staffRoles } from "../roles.ts";
import { decideSuppressedAddress } from "./suppression.ts";

const reasonOf = (fn: () => unknown) => {
  try {
    return fn();
  } catch (error) {
    return error instanceof DomainError ? error.reason : String(error);
  }
};

describe("a suppressed address entered again (Art. 17)", () => {
  it("is clear without a hit, whoever enters it and whatever they ticked", () => {
    for (const role of [...staffRoles, null])
      for (const override of [false, true])
        expect(decideSuppressedAddress({ suppressed: false, override, role })).toBe("clear");
  });

  it("is refused without an override, for every role", () => {
    for (const role of [...staffRoles, null])
      expect(reasonOf(() => decideSuppressedAddress({ suppressed: true, override: false, role }))).toBe(
        "suppressed_address",
      );
  });

  it("may be overridden by the dpo and the admin only", () => {
    const outcome = (role: (typeof staffRoles)[number] | null) =>
      reasonOf(() => decideSuppressedAddress({ suppressed: true, override: true, role }));
    expect(outcome("staff")).toBe("suppression_override_dpo_only");
    expect(outcome("marketing")).toBe("suppression_override_dpo_only");
    expect(outcome(null)).toBe("suppression_override_dpo_only");
    expect(outcome("dpo")).toBe("overridden");
    expect(outcome("admin")).toBe("overridden");
  });
});
