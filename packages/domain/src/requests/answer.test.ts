import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { answerNeedsRemedies, checkRequestAnswer, requestOutcomes } from "./answer.ts";

const reasonOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.reason : "other";
  }
};

describe("the answer to a request (Art. 12(3), (4))", () => {
  it("names the remedies exactly when the controller does not act in full", () => {
    expect(requestOutcomes.filter(answerNeedsRemedies)).toEqual(["partially_fulfilled", "refused"]);
  });

  it("refuses declining without reasons, and accepts a plain confirmation without text", () => {
    expect(reasonOf(() => checkRequestAnswer({ outcome: "refused", message: "no" }))).toBe(
      "answer_reasons_required",
    );
    expect(reasonOf(() => checkRequestAnswer({ outcome: "partially_fulfilled", message: "   " }))).toBe(
      "answer_reasons_required",
    );
    expect(
      reasonOf(() =>
        checkRequestAnswer({ outcome: "refused", message: "Invoices must be kept ten years (§ 147 AO)." }),
      ),
    ).toBeNull();
    expect(reasonOf(() => checkRequestAnswer({ outcome: "fulfilled", message: "" }))).toBeNull();
  });
});
