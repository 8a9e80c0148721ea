import { describe, expect, it } from "vitest";
import { allowedLegalBasesOf } from "./allowed-bases.ts";
import { decideMaterialChange, type PurposeScope } from "./material-change.ts";

const scope: PurposeScope = {
  channels: ["email"],
  recipients: ["Mail service"],
  dataCategories: ["name", "e-mail address"],
  defaultLegalBasis: "consent",
  allowedLegalBases: ["consent"],
  directMarketing: false,
  ownSimilarGoods: false,
  transfers: [{ country: "US", recipient: "Mail service", safeguard: "standard_contractual_clauses" }],
  profiling: false,
};
const decide = (after: Partial<PurposeScope>, textsChanged = false, markedMaterial = false) =>
  decideMaterialChange({ before: scope, after: { ...scope, ...after }, textsChanged, markedMaterial });

describe("#7 widening a purpose is a material change by force", () => {
  it("#7 adding a channel, recipient or data category is material although the editor did not tick it", () => {
    expect(decide({ channels: ["email", "phone"] })).toEqual({ material: true, reasons: ["channel_added"] });
    expect(decide({ recipients: ["Mail service", "Call centre"] })).toEqual({
      material: true,
      reasons: ["recipient_added"],
    });
    expect(decide({ dataCategories: ["name", "e-mail address", "phone number"] }).reasons).toEqual([
      "data_category_added",
    ]);
  });

  it("#7 changing the default or the allowed bases, or turning direct marketing on, is material", () => {
    expect(
      decide({ defaultLegalBasis: "legitimate_interests", allowedLegalBases: ["legitimate_interests"] }),
    ).toEqual({ material: true, reasons: ["legal_basis_changed", "allowed_bases_changed"] });
    expect(decide({ allowedLegalBases: ["consent", "contract"] }).reasons).toEqual(["allowed_bases_changed"]);
    expect(decide({ directMarketing: true }).reasons).toEqual(["direct_marketing_enabled"]);
  });

  it("#7 narrowing, a spelling fix of a label and a reworded text stay non-material", () => {
    expect(decide({ channels: [] })).toEqual({ material: false, reasons: [] });
    expect(decide({ recipients: [" mail SERVICE "], dataCategories: ["Name"] })).toEqual({
      material: false,
      reasons: [],
    });
    expect(decide({ directMarketing: false }, true)).toEqual({ material: false, reasons: [] });
    const marketing = { ...scope, directMarketing: true };
    expect(
      decideMaterialChange({ before: marketing, after: scope, textsChanged: false, markedMaterial: false })
        .material,
    ).toBe(false);
  });

  it("#7 the editor may mark a reworded text material, not a change without new text or scope", () => {
    expect(decide({}, true, true)).toEqual({ material: true, reasons: ["marked_by_editor"] });
    expect(decide({ channels: ["email", "sms"] }, false, true).reasons).toEqual([
      "channel_added",
      "marked_by_editor",
    ]);
    expect(() => decide({ channels: [] }, false, true)).toThrow("material_without_text_change");
  });
});

describe("#2 own similar goods (UWG §7(3) no. 2) in the purpose's scope", () => {
  it("#2 turning own-similar-goods on widens the purpose: material by force; turning it off does not", () => {
    expect(decide({ ownSimilarGoods: true })).toEqual({
      material: true,
      reasons: ["own_similar_goods_enabled"],
    });
    const customers = { ...scope, ownSimilarGoods: true };
    expect(
      decideMaterialChange({ before: customers, after: scope, textsChanged: false, markedMaterial: false }),
    ).toEqual({ material: false, reasons: [] });
  });
});

describe("issue 10: third-country transfers and profiling in the purpose's scope", () => {
  it("a transfer to a new country or recipient is material; another ground for a known one is not", () => {
    const [known] = scope.transfers;
    const uk = { country: "GB", recipient: "Call centre", safeguard: "adequacy_decision" as const };
    expect(decide({ transfers: [known!, uk] })).toEqual({ material: true, reasons: ["transfer_added"] });
    expect(decide({ transfers: [{ ...known!, country: "IN" }] }).reasons).toEqual(["transfer_added"]);
    expect(decide({ transfers: [{ ...known!, recipient: " mail SERVICE ", country: "us" }] })).toEqual({
      material: false,
      reasons: [],
    });
    expect(decide({ transfers: [{ ...known!, safeguard: "binding_corporate_rules" }] }).material).toBe(false);
    expect(decide({ transfers: [] }).material).toBe(false);
  });

  it("turning profiling on is material (Art. 13(2)(f), 22); turning it off is not", () => {
    expect(decide({ profiling: true })).toEqual({ material: true, reasons: ["profiling_enabled"] });
    const profiled = { ...scope, profiling: true };
    expect(
      decideMaterialChange({ before: profiled, after: scope, textsChanged: false, markedMaterial: false }),
    ).toEqual({ material: false, reasons: [] });
  });
});

describe("#5 allowed legal bases of a purpose", () => {
  it("#5 defaults to the default basis alone and keeps a canonical order without repeats", () => {
    expect(allowedLegalBasesOf("contract", undefined)).toEqual(["contract"]);
    expect(allowedLegalBasesOf("contract", [])).toEqual(["contract"]);
    expect(
      allowedLegalBasesOf("legitimate_interests", ["legitimate_interests", "consent", "consent"]),
    ).toEqual(["consent", "legitimate_interests"]);
  });

  it("#5 refuses a default basis that is not allowed and unknown bases", () => {
    expect(() => allowedLegalBasesOf("consent", ["contract"])).toThrow("default_basis_not_allowed");
    expect(() => allowedLegalBasesOf("consent", ["consent", "gut_feeling"])).toThrow(
      "invalid_purpose: legal basis",
    );
  });
});
