import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { checkExtensionNotice, extendRequest } from "./extension.ts";

const reason = "Three requests at once and twelve years of records to review";
const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.reason;
    throw error;
  }
  return null;
};

describe("extending a request (Art. 12(3))", () => {
  // Received Monday 2 November 2026, 10:00 in Berlin.
  const receivedAt = new Date("2026-11-02T09:00:00Z");

  it("moves the due date to three months after receipt and keeps the first month for the notice", () => {
    const extension = extendRequest({
      receivedAt,
      now: new Date("2026-11-20T12:00:00Z"),
      reason,
      alreadyExtended: false,
    });
    // 2 February 2027 is a Tuesday; 2 December 2026 a Wednesday.
    expect(extension).toEqual({ extendedDueDate: "2027-02-02", noticeDueBy: "2026-12-02" });
  });

  it("works until the end of the first month's last day, in the controller's time zone", () => {
    const lastMinute = new Date("2026-12-02T22:59:00Z"); // 23:59 in Berlin
    expect(extendRequest({ receivedAt, now: lastMinute, reason, alreadyExtended: false }).noticeDueBy).toBe(
      "2026-12-02",
    );
    const tooLate = new Date("2026-12-02T23:01:00Z"); // 00:01 on 3 December in Berlin
    expect(reasonOf(() => extendRequest({ receivedAt, now: tooLate, reason, alreadyExtended: false }))).toBe(
      "extension_too_late",
    );
  });

  it("needs a reason the person can be told, and happens once", () => {
    const now = new Date("2026-11-05T10:00:00Z");
    expect(reasonOf(() => extendRequest({ receivedAt, now, reason: " busy ", alreadyExtended: false }))).toBe(
      "extension_reason_required",
    );
    expect(reasonOf(() => extendRequest({ receivedAt, now, reason, alreadyExtended: true }))).toBe(
      "request_already_extended",
    );
  });
});

describe("telling the person of the extension (Art. 12(3) sentence 3)", () => {
  const receivedAt = new Date("2026-11-02T09:00:00Z");

  it("is due by the end of the first month's last day, in the controller's time zone", () => {
    const lastMinute = new Date("2026-12-02T22:59:00Z"); // 23:59 in Berlin
    expect(checkExtensionNotice({ receivedAt, now: lastMinute, extended: true })).toEqual({
      noticeDueBy: "2026-12-02",
    });
    const tooLate = new Date("2026-12-02T23:01:00Z"); // 00:01 on 3 December in Berlin
    expect(reasonOf(() => checkExtensionNotice({ receivedAt, now: tooLate, extended: true }))).toBe(
      "extension_notice_late",
    );
  });

  it("has nothing to tell for a case that was not extended", () => {
    const now = new Date("2026-11-05T10:00:00Z");
    expect(reasonOf(() => checkExtensionNotice({ receivedAt, now, extended: false }))).toBe(
      "request_not_extended",
    );
  });
});
