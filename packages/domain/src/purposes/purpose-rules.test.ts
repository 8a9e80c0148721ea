import { describe, expect, it } from "vitest";
import { isRetentionPeriod, validatePurposeFields } from "./purpose-rules.ts";

describe("purpose rules (#19: one place in packages/domain)", () => {
  it.each(["P2Y", "P6M", "P1Y6M", "P30D", "PT12H"])("accepts the retention period %s", (value) => {
    expect(isRetentionPeriod(value)).toBe(true);
  });
  it.each(["", "P", "P0Y", "2Y", "P1.5Y", "PT"])("refuses the retention period %j", (value) => {
    expect(isRetentionPeriod(value)).toBe(false);
  });
  it("refuses a bad key, basis, channel, retention or empty text with the field named", () => {
    expect(() => validatePurposeFields({ key: "Newsletter" })).toThrow("invalid_purpose: key");
    expect(() => validatePurposeFields({ channels: ["fax" as never] })).toThrow("invalid_purpose: channel");
    expect(() => validatePurposeFields({ retentionPeriod: "forever" })).toThrow("invalid_purpose: retention");
    expect(() => validatePurposeFields({ texts: { de: { name: " ", description: "x" } } })).toThrow(
      "invalid_purpose: text",
    );
    expect(() =>
      validatePurposeFields({ key: "newsletter", defaultLegalBasis: "consent", retentionPeriod: "P2Y" }),
    ).not.toThrow();
  });
});
