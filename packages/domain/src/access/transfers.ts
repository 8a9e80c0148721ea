import { DomainError } from "../errors.ts";

/**
 * Chapter V GDPR: a transfer to a third country needs one of these grounds, which Art. 15(2) and
 * Art. 30(1)(e) make the controller name.
 */
export const transferSafeguards = [
  "adequacy_decision",
  "standard_contractual_clauses",
  "binding_corporate_rules",
  "code_of_conduct",
  "certification",
  "derogation",
] as const;
export type TransferSafeguard = (typeof transferSafeguards)[number];

export const transferSafeguardArticle: Record<TransferSafeguard, string> = {
  adequacy_decision: "Art. 45(3)",
  standard_contractual_clauses: "Art. 46(2)(c)",
  binding_corporate_rules: "Art. 46(2)(b), 47",
  code_of_conduct: "Art. 46(2)(e), 40",
  certification: "Art. 46(2)(f), 42",
  derogation: "Art. 49(1)",
};

export function isTransferSafeguard(value: string): value is TransferSafeguard {
  return (transferSafeguards as readonly string[]).includes(value);
}

/** One transfer of a purpose's data outside the EEA: where to, to whom, on which ground. */
export interface ThirdCountryTransfer {
  /** ISO 3166-1 alpha-2 */
  country: string;
  recipient: string;
  safeguard: TransferSafeguard;
}

const eeaCountries = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
]);

/**
 * Checks transfers before a purpose is saved: a country outside the EEA (a transfer inside it is
 * none, Art. 44), a recipient, and a known ground. Throws DomainError invalid_transfer.
 */
export function checkThirdCountryTransfers(transfers: readonly ThirdCountryTransfer[]): void {
  for (const t of transfers) {
    const country = t.country.toUpperCase();
    if (!/^[A-Z]{2}$/.test(country) || eeaCountries.has(country))
      throw new DomainError("validation", "invalid_transfer", t.country);
    if (t.recipient.trim() === "") throw new DomainError("validation", "invalid_transfer", "recipient");
    if (!isTransferSafeguard(t.safeguard))
      throw new DomainError("validation", "invalid_transfer", t.safeguard);
  }
}
