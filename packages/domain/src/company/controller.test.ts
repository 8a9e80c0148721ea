import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import {
  controllerLanguage,
  germanFederalStates,
  isPublicNoticeUrl,
  isValidAgeOfConsent,
} from "./controller.ts";

describe("the controller's settings (#23)", () => {
  it("lists exactly the federal states date-holidays knows for Germany", () => {
    const known = Object.keys(new Holidays().getStates("DE") ?? {});
    expect([...germanFederalStates].sort()).toEqual(known.sort());
  });

  it("writes to the controller's staff in German in German-speaking countries", () => {
    expect(["DE", "AT", "CH", "LI", "FR", "GB"].map(controllerLanguage)).toEqual([
      "de",
      "de",
      "de",
      "de",
      "en",
      "en",
    ]);
  });

  it("accepts an age of consent from 13 to 16 only (Art. 8(1))", () => {
    expect([12, 13, 16, 17, 15.5].map(isValidAgeOfConsent)).toEqual([false, true, true, false, false]);
  });

  it("accepts https notice addresses, and http only on localhost while developing", () => {
    const dev = { allowLocalhost: true };
    const prod = { allowLocalhost: false };
    expect(isPublicNoticeUrl("https://www.muster.example/datenschutz", prod)).toBe(true);
    expect(isPublicNoticeUrl("http://www.muster.example/datenschutz", dev)).toBe(false);
    expect(isPublicNoticeUrl("http://localhost:3001/impressum", dev)).toBe(true);
    expect(isPublicNoticeUrl("http://localhost:3001/impressum", prod)).toBe(false);
    expect(isPublicNoticeUrl("https://user:pw@muster.example/", prod)).toBe(false);
    expect(isPublicNoticeUrl("javascript:alert(1)", dev)).toBe(false);
    expect(isPublicNoticeUrl("datenschutz", dev)).toBe(false);
  });
});
