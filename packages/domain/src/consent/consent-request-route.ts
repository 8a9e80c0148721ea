import {
  assessConsentRequestLetter,
  assessConsentRequestMail,
  type PersonContactFacts,
} from "./admissibility.ts";

/** How a member of a mass consent request is asked: by e-mail or by a printed letter. */
export const consentRequestRoutes = ["email", "letter"] as const;
export type ConsentRequestRoute = (typeof consentRequestRoutes)[number];

/** Why a member of a mass consent request is not asked, in the order the rule tests them. */
export const consentRequestExclusions = [
  "erased",
  "restricted",
  "already_admissible",
  "already_asked",
  "other_basis_active",
  "refused",
  "no_lawful_channel",
] as const;
export type ConsentRequestExclusion = (typeof consentRequestExclusions)[number];

/** The facts of one list member for a mass consent request over the chosen purposes. */
export interface ConsentRequestFacts extends PersonContactFacts {
  /** the check's verdict: every chosen purpose is admissible on the checked channel */
  admissible: boolean;
  /** this list already asked this person for this set of purposes (idempotency per list × person × set) */
  alreadyAsked: boolean;
  /** a chosen purpose runs on another basis (an active contract or legitimate interest) */
  otherBasisActive: boolean;
  /** the person declined, withdrew or objected to a chosen purpose */
  refused: boolean;
  hasEmail: boolean;
  /**
   * Advertising by e-mail is admissible for the person on some basis: `assessAdmissibility` allows
   * at least one direct-marketing purpose on e-mail (another valid, proven consent covering e-mail,
   * or the UWG §7(3) existing-customer exception).
   */
  emailAdvertisingAllowed: boolean;
  hasPostalAddress: boolean;
}

export interface ConsentRequestOptions {
  /** The DPO chose explicitly to ask again people who said no (audited); never the default. */
  includeRefusals: boolean;
}

export type ConsentRequestVerdict =
  | { route: ConsentRequestRoute; reason: null }
  | { route: null; reason: ConsentRequestExclusion };

const skip = (reason: ConsentRequestExclusion): ConsentRequestVerdict => ({ route: null, reason });

/**
 * Whether and how a member of a list is asked for the missing consent, the one rule for mass requests.
 * A consent request is itself advertising (OLG Celle 13 U 15/14; BGH VI ZR 225/17), so:
 * - erased (Art. 17) and restricted (Art. 18(2)) persons are never asked;
 * - who may already be contacted is not asked; a list asks a person for the same purposes only once;
 * - a purpose that runs on another basis (contract, legitimate interests) is not turned into a
 *   consent request: the basis is fixed before processing and not swapped (Art. 6(1), 5(1)(a);
 *   EDPB Guidelines 05/2020, 121–123);
 * - a no is respected (Art. 7(3), 21(3)): refusals only when the DPO includes them explicitly;
 * - e-mail only where e-mail advertising is admissible on some basis (UWG §7(2) no. 2, §7(3)) and no
 *   block of the e-mail channel applies (`assessConsentRequestMail`);
 * - else a letter, where advertising by post is open (Recital 47, Art. 21(2): `assessConsentRequestLetter`);
 * - else there is no lawful way to ask.
 */
export function consentRequestRoute(
  facts: ConsentRequestFacts,
  options: ConsentRequestOptions,
): ConsentRequestVerdict {
  if (facts.erased) return skip("erased");
  if (facts.restricted) return skip("restricted");
  if (facts.admissible) return skip("already_admissible");
  if (facts.alreadyAsked) return skip("already_asked");
  if (facts.otherBasisActive) return skip("other_basis_active");
  if (facts.refused && !options.includeRefusals) return skip("refused");
  if (facts.hasEmail && facts.emailAdvertisingAllowed && assessConsentRequestMail(facts).admissible)
    return { route: "email", reason: null };
  if (facts.hasPostalAddress && assessConsentRequestLetter(facts).admissible)
    return { route: "letter", reason: null };
  return skip("no_lawful_channel");
}
