import type { LegalBasis } from "../legal-basis.ts";
import { isPortableBasis } from "./rights.ts";

/**
 * What a data portability export (Art. 20 GDPR) covers. The right reaches data the person
 * *provided* (given by them, not derived or inferred by the controller: EDPB/WP29 guidelines on the
 * right to data portability, WP242 rev.01, section III.1) where the processing is based on consent
 * or on a contract (Art. 20(1)(a); `isPortableBasis` decides which bases those are).
 *
 * - Records: every processing record on a portable basis, whatever its state. The consent or
 *   contract is the person's own declaration (given, confirmed or withdrawn, also through the
 *   microsite), so it is data they provided.
 * - Master and contact data (names, salutation, title, birthday, job title, language, e-mail
 *   addresses, phones, postal addresses, bank accounts): the person gave them, but no single purpose
 *   owns them (one address serves the newsletter and the delivery alike). Processing that rests on
 *   several bases is still "based on" consent or contract (Art. 20(1)(a)), so they are portable as
 *   soon as one record is on a portable basis. A record only requested or declined counts as well:
 *   handing a person their own data carries no risk for them, leaving it out would cut the right
 *   short.
 * - Without any such record the right does not apply (Art. 20(1)(a)): the export stays empty and
 *   says why; the copy under the right of access (Art. 15(3)) covers everything stored.
 * - Never: what the controller derived (traffic light, admissibility, retention dates), staff
 *   activities and notes, documents, the audit trail. They are not "provided" by the person.
 */
export interface PortabilityScope<R> {
  /** Art. 20(1)(a): whether the right applies at all, i.e. the provided data is included */
  applies: boolean;
  /** the records on a portable basis, in the given order */
  records: R[];
}

export function portabilityScope<R extends { legalBasis: LegalBasis }>(
  records: readonly R[],
): PortabilityScope<R> {
  const portable = records.filter((record) => isPortableBasis(record.legalBasis));
  return { applies: portable.length > 0, records: portable };
}
