// Art. 6(1) GDPR: processing is lawful only on one of these six bases.
export const legalBases = [
  "consent",
  "contract",
  "legal_obligation",
  "vital_interests",
  "public_task",
  "legitimate_interests",
] as const;
export type LegalBasis = (typeof legalBases)[number];

export const legalBasisArticle: Record<LegalBasis, string> = {
  consent: "Art. 6(1)(a)",
  contract: "Art. 6(1)(b)",
  legal_obligation: "Art. 6(1)(c)",
  vital_interests: "Art. 6(1)(d)",
  public_task: "Art. 6(1)(e)",
  legitimate_interests: "Art. 6(1)(f)",
};

export function isLegalBasis(value: string): value is LegalBasis {
  return (legalBases as readonly string[]).includes(value);
}

// Art. 21(1) GDPR: the right to object applies only to processing based on Art. 6(1)(e) or (f).
export function isObjectableBasis(basis: LegalBasis): boolean {
  return basis === "legitimate_interests" || basis === "public_task";
}
