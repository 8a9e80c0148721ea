import { describe, expect, it } from "vitest";
import type { RecordFacts } from "./processing-record.ts";
import { nextLightChangeAt, trafficLight } from "./traffic-light.ts";

const now = new Date("2026-06-15T12:00:00Z");
const record = (purposeId: string, overrides: Partial<RecordFacts> = {}) => ({
  purposeId,
  legalBasis: "consent" as const,
  state: "granted" as const,
  doubleOptIn: false,
  validUntil: null,
  purposeVersion: 1,
  purposeMinValidVersion: 1,
  purposeActive: true,
  directMarketing: false,
  purposeChannels: ["email" as const],
  objectedChannels: [],
  ...overrides,
});

describe("trafficLight", () => {
  it("is green when every purpose is valid", () => {
    const result = trafficLight(
      [record("newsletter"), record("contract", { legalBasis: "contract", state: "active" })],
      now,
    );
    expect(result.light).toBe("green");
    expect(result.reason).toBe("all_valid");
  });

  it("is yellow when at least one purpose is valid", () => {
    const result = trafficLight([record("newsletter"), record("events", { state: "withdrawn" })], now);
    expect(result).toEqual({
      light: "yellow",
      reason: "some_valid",
      assessments: [
        { purposeId: "newsletter", valid: true, reason: "valid", purposeActive: true },
        { purposeId: "events", valid: false, reason: "consent_withdrawn", purposeActive: true },
      ],
    });
  });

  it("is red when no purpose is valid", () => {
    const result = trafficLight([record("newsletter", { validUntil: new Date("2026-01-01") })], now);
    expect(result.light).toBe("red");
    expect(result.reason).toBe("none_valid");
  });

  it("is red with no purpose at all (privacy by default)", () => {
    expect(trafficLight([], now)).toEqual({ light: "red", reason: "no_purpose", assessments: [] });
  });

  it("does not let a retired purpose colour the light", () => {
    const result = trafficLight([record("newsletter"), record("old", { purposeActive: false })], now);
    expect(result.light).toBe("green");
    expect(result.assessments).toHaveLength(2);
    expect(trafficLight([record("old", { purposeActive: false })], now).reason).toBe("no_purpose");
  });

  it("counts a purpose as valid when any of its records is", () => {
    const result = trafficLight(
      [
        record("service", { state: "withdrawn" }),
        record("service", { legalBasis: "contract", state: "active" }),
      ],
      now,
    );
    expect(result.light).toBe("green");
    expect(result.assessments).toEqual([
      { purposeId: "service", valid: true, reason: "valid", purposeActive: true },
    ]);
  });
});

describe("nextLightChangeAt", () => {
  it("is the earliest future validUntil of a valid record", () => {
    const soon = new Date("2026-07-01T00:00:00Z");
    const later = new Date("2026-09-01T00:00:00Z");
    const records = [
      record("a", { validUntil: later }),
      record("b", { validUntil: soon }),
      record("c", { state: "withdrawn", validUntil: new Date("2026-06-20T00:00:00Z") }),
      record("d", { validUntil: new Date("2026-06-01T00:00:00Z") }),
    ];
    expect(nextLightChangeAt(records, now)).toEqual(soon);
  });

  it("is null when nothing expires", () => {
    expect(nextLightChangeAt([record("a")], now)).toBeNull();
    expect(nextLightChangeAt([], now)).toBeNull();
  });
});

describe("retired purposes (#8)", () => {
  it.each(["withdrawn", "declined", "requested"] as const)(
    "a retired purpose whose consent is %s does not colour the light",
    (state) => {
      const result = trafficLight(
        [record("newsletter"), record("retired", { state, purposeActive: false })],
        now,
      );
      expect(result.light).toBe("green");
    },
  );

  it("a retired purpose whose contract ended does not make the person red", () => {
    const result = trafficLight(
      [
        record("newsletter"),
        record("retired", { legalBasis: "contract", state: "ended", purposeActive: false }),
      ],
      now,
    );
    expect(result.light).toBe("green");
  });

  it("only retired purposes leave no purpose: red", () => {
    const result = trafficLight([record("retired", { state: "withdrawn", purposeActive: false })], now);
    expect(result).toMatchObject({ light: "red", reason: "no_purpose" });
  });
});
