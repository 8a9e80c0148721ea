import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.ts";
import { legalBases, legalBasisArticle } from "./legal-basis.ts";
import { mayOpenDocument, maySeeHeldItems, roleAtLeast } from "./roles.ts";

describe("roleAtLeast", () => {
  it("orders staff < marketing < dpo < admin", () => {
    expect(roleAtLeast("admin", "dpo")).toBe(true);
    expect(roleAtLeast("dpo", "dpo")).toBe(true);
    expect(roleAtLeast("marketing", "dpo")).toBe(false);
    expect(roleAtLeast("staff", "marketing")).toBe(false);
    expect(roleAtLeast("staff", "staff")).toBe(true);
  });
});

describe("mayOpenDocument", () => {
  it("#14 lets dpo, admin and the uploader open a document, nobody else", () => {
    const document = { createdBy: "uploader" };
    expect(mayOpenDocument({ id: "uploader", role: "staff" }, document)).toBe(true);
    expect(mayOpenDocument({ id: "someone", role: "dpo" }, document)).toBe(true);
    expect(mayOpenDocument({ id: "someone", role: "admin" }, document)).toBe(true);
    expect(mayOpenDocument({ id: "someone", role: "staff" }, document)).toBe(false);
    expect(mayOpenDocument({ id: "someone", role: "marketing" }, document)).toBe(false);
    expect(mayOpenDocument({ id: "someone", role: "marketing" }, { createdBy: null })).toBe(false);
  });

  it("opens a document held after an erasure for dpo and admin only, not for its uploader", () => {
    const held = { createdBy: "uploader", heldUntil: "2033-01-01" };
    expect(mayOpenDocument({ id: "uploader", role: "staff" }, held)).toBe(false);
    expect(mayOpenDocument({ id: "uploader", role: "marketing" }, held)).toBe(false);
    expect(mayOpenDocument({ id: "someone", role: "dpo" }, held)).toBe(true);
    expect(mayOpenDocument({ id: "someone", role: "admin" }, held)).toBe(true);
    expect(mayOpenDocument({ id: "uploader", role: "staff" }, { ...held, heldUntil: null })).toBe(true);
  });
});

describe("maySeeHeldItems", () => {
  it("lets dpo and admin see items held after an erasure (Art. 18, §35(3) BDSG), nobody else", () => {
    expect(maySeeHeldItems("staff")).toBe(false);
    expect(maySeeHeldItems("marketing")).toBe(false);
    expect(maySeeHeldItems("dpo")).toBe(true);
    expect(maySeeHeldItems("admin")).toBe(true);
  });
});

describe("legal bases", () => {
  it("name Art. 6(1)(a)–(f) in order", () => {
    expect(legalBases.map((b) => legalBasisArticle[b])).toEqual([
      "Art. 6(1)(a)",
      "Art. 6(1)(b)",
      "Art. 6(1)(c)",
      "Art. 6(1)(d)",
      "Art. 6(1)(e)",
      "Art. 6(1)(f)",
    ]);
  });
});

describe("DomainError", () => {
  it("carries its code", () => {
    const error = new DomainError("legal_hold", "legal_hold");
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("legal_hold");
    expect(error.message).toBe("legal_hold");
    expect(error.name).toBe("DomainError");
  });
});
