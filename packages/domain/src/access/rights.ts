import { isObjectableBasis, type LegalBasis } from "../legal-basis.ts";

/**
 * The rights an access report names (Art. 15(1)(e),(f)), each with its article. Which apply follows
 * from the bases the person's data is processed on: portability only for consent and contract
 * (Art. 20(1)(a)), objection only for public task and legitimate interests (Art. 21(1)), the
 * objection to direct marketing where a purpose is direct marketing (Art. 21(2)), withdrawal where
 * a consent exists (Art. 7(3)). Access, rectification, erasure, restriction and the complaint to a
 * supervisory authority always apply.
 */
export const dataSubjectRights = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "objection_direct_marketing",
  "withdraw_consent",
  "complaint",
] as const;
export type DataSubjectRight = (typeof dataSubjectRights)[number];

export const dataSubjectRightArticle: Record<DataSubjectRight, string> = {
  access: "Art. 15",
  rectification: "Art. 16",
  erasure: "Art. 17",
  restriction: "Art. 18",
  portability: "Art. 20",
  objection: "Art. 21(1)",
  objection_direct_marketing: "Art. 21(2)",
  withdraw_consent: "Art. 7(3)",
  complaint: "Art. 77",
};

/** Art. 20(1)(a): data the person provided is portable when processed on consent or contract. */
export function isPortableBasis(basis: LegalBasis): boolean {
  return basis === "consent" || basis === "contract";
}

export function applicableRights(
  processing: readonly { legalBasis: LegalBasis; directMarketing: boolean }[],
): DataSubjectRight[] {
  const has = (test: (p: { legalBasis: LegalBasis; directMarketing: boolean }) => boolean) =>
    processing.some(test);
  return dataSubjectRights.filter((right) => {
    switch (right) {
      case "portability":
        return has((p) => isPortableBasis(p.legalBasis));
      case "objection":
        return has((p) => isObjectableBasis(p.legalBasis));
      case "objection_direct_marketing":
        return has((p) => p.directMarketing);
      case "withdraw_consent":
        return has((p) => p.legalBasis === "consent");
      default:
        return true;
    }
  });
}

/**
 * May the answer to the person's own request (Art. 15 report notice, Art. 12(3)) be mailed? It is
 * neither advertising (mail blocks and objections do not stop it, Art. 21(3)) nor a use Art. 18(2)
 * forbids a restricted person's data for: the person asked for it, and Art. 12(3) obliges us to
 * answer. Only an address erased at level 3 is gone (Art. 17).
 */
export function mayMailRequestAnswer(person: { erasedLevel: number }): boolean {
  return person.erasedLevel < 3;
}
