import type { ThirdCountryTransfer } from "../access/transfers.ts";
import type { Channel } from "../channels.ts";
import { DomainError } from "../errors.ts";
import type { LegalBasis } from "../legal-basis.ts";

/** The facts of a purpose that decide what a person agreed to (texts aside). */
export interface PurposeScope {
  channels: readonly Channel[];
  recipients: readonly string[];
  dataCategories: readonly string[];
  defaultLegalBasis: LegalBasis;
  allowedLegalBases: readonly LegalBasis[];
  directMarketing: boolean;
  /** UWG §7(3) no. 2: the purpose advertises the controller's own similar goods to existing customers */
  ownSimilarGoods: boolean;
  /** Chapter V: where the data goes outside the EEA and to whom */
  transfers: readonly ThirdCountryTransfer[];
  /** Art. 22: the purpose profiles or decides automatically */
  profiling: boolean;
}

/** Why a change is material; `marked_by_editor` is the only reason an editor can choose. */
export const materialReasons = [
  "channel_added",
  "recipient_added",
  "data_category_added",
  "legal_basis_changed",
  "allowed_bases_changed",
  "direct_marketing_enabled",
  "own_similar_goods_enabled",
  "transfer_added",
  "profiling_enabled",
  "marked_by_editor",
] as const;
export type MaterialReason = (typeof materialReasons)[number];

export interface PurposeChange {
  before: PurposeScope;
  after: PurposeScope;
  /** Whether the name or description changed in either language. */
  textsChanged: boolean;
  /** The editor ticked "material change" (a reworded text that says something new). */
  markedMaterial: boolean;
}

export interface MaterialDecision {
  material: boolean;
  reasons: MaterialReason[];
}

// Labels differ only in spelling when they agree after trimming and case folding.
const label = (value: string) => value.trim().toLocaleLowerCase("de");
const adds = (before: readonly string[], after: readonly string[]) => {
  const known = new Set(before.map(label));
  return after.some((value) => !known.has(label(value)));
};
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value)) && b.every((value) => a.includes(value));

/**
 * Decides whether a purpose change is material, i.e. whether consents to earlier versions stop
 * covering the processing. Widening the scope is material whatever the editor ticked; only a
 * wording fix of the texts (or a narrowing) may stay non-material. Throws when the editor marks a
 * change material that neither rewords the texts nor widens the scope (nothing to ask again for).
 */
export function decideMaterialChange(change: PurposeChange): MaterialDecision {
  const { before, after } = change;
  const reasons: MaterialReason[] = [];
  // Art. 4(11), 7(1) GDPR: consent is specific and informed; a new channel, recipient (Art. 13(1)(e))
  // or data category is processing the person was never told about.
  if (adds(before.channels, after.channels)) reasons.push("channel_added");
  if (adds(before.recipients, after.recipients)) reasons.push("recipient_added");
  if (adds(before.dataCategories, after.dataCategories)) reasons.push("data_category_added");
  // Art. 13(1)(c) GDPR: the legal basis is part of what the person was informed of.
  if (before.defaultLegalBasis !== after.defaultLegalBasis) reasons.push("legal_basis_changed");
  if (!sameSet(before.allowedLegalBases, after.allowedLegalBases)) reasons.push("allowed_bases_changed");
  // Art. 21(2), (3) GDPR: direct marketing carries its own right to object and must be stated.
  if (!before.directMarketing && after.directMarketing) reasons.push("direct_marketing_enabled");
  // UWG §7(3) no. 2, 4: advertising to existing customers without their consent is a new use of
  // their address the person must be told of (with the right to object) — it widens the purpose.
  if (!before.ownSimilarGoods && after.ownSimilarGoods) reasons.push("own_similar_goods_enabled");
  // Art. 13(1)(f), 44 GDPR: the person is told which third countries their data goes to and to whom;
  // another ground for a transfer already told of does not widen it.
  const destination = (t: ThirdCountryTransfer) => `${t.country.toUpperCase()}|${label(t.recipient)}`;
  if (adds(before.transfers.map(destination), after.transfers.map(destination)))
    reasons.push("transfer_added");
  // Art. 13(2)(f), 22 GDPR: profiling and automated decisions must be told of before they start.
  if (!before.profiling && after.profiling) reasons.push("profiling_enabled");
  if (change.markedMaterial) {
    if (!change.textsChanged && reasons.length === 0)
      throw new DomainError("validation", "material_without_text_change");
    reasons.push("marked_by_editor");
  }
  return { material: reasons.length > 0, reasons };
}
