import { DomainError } from "../errors.ts";
import { isLegalBasis, type LegalBasis, legalBases } from "../legal-basis.ts";

/**
 * The legal bases a purpose allows records on, normalised: unique, in the order of `legalBases`, never
 * empty (no list means the default basis alone). Throws when a basis is unknown or the default
 * basis is not among them.
 */
export function allowedLegalBasesOf(
  defaultLegalBasis: LegalBasis,
  allowed: readonly string[] | undefined,
): LegalBasis[] {
  if (!allowed || allowed.length === 0) return [defaultLegalBasis];
  const unique = [...new Set(allowed)];
  if (!unique.every(isLegalBasis)) throw new DomainError("validation", "invalid_purpose", "legal basis");
  // Art. 6(1), 13(1)(c) GDPR: the basis a purpose is processed on by default must be one it declares.
  if (!unique.includes(defaultLegalBasis)) throw new DomainError("validation", "default_basis_not_allowed");
  return legalBases.filter((basis) => unique.includes(basis));
}
