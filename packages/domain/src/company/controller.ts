import { maxAgeOfConsent, minAgeOfConsent } from "../consent/minors.ts";
import type { Language } from "../language.ts";

/**
 * The German federal states as date-holidays names them (ISO 3166-2:DE without the country): the
 * region of the controller's calendar for public holidays when a deadline falls on one.
 */
export const germanFederalStates = [
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
] as const;
export type GermanFederalState = (typeof germanFederalStates)[number];

export function isGermanFederalState(value: string): value is GermanFederalState {
  return (germanFederalStates as readonly string[]).includes(value);
}

// Art. 8(1) GDPR: the age of consent is 16 unless national law lowers it, to no less than 13.
export function isValidAgeOfConsent(age: number): boolean {
  return Number.isInteger(age) && age >= minAgeOfConsent && age <= maxAgeOfConsent;
}

/**
 * Where the privacy notice (Art. 13) and the legal notice (§5 DDG) may live: an https address,
 * or http on this machine while developing (a notice must be reachable and not be tampered with
 * in transit, so plain http elsewhere is refused).
 */
export function isPublicNoticeUrl(value: string, options: { allowLocalhost: boolean }): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return url.hostname.length > 0;
  return (
    options.allowLocalhost &&
    url.protocol === "http:" &&
    (url.hostname === "localhost" || url.hostname === "127.0.0.1")
  );
}

const germanSpeakingCountries = ["DE", "AT", "CH", "LI"];

/** The language of mails to the controller's own staff (DPO): German in German-speaking countries. */
export function controllerLanguage(country: string): Language {
  return germanSpeakingCountries.includes(country) ? "de" : "en";
}
