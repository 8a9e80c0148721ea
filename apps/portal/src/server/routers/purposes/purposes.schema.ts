import { isRetentionPeriod, purposeKeyPattern } from "@purposeful/db";
import { channels, legalBases, transferSafeguards } from "@purposeful/domain";
import { z } from "zod";

const text = z.object({
  name: z.string().trim().min(1).max(200),
  // The purpose text is shown to people in full (Art. 7(2)); no summary, no truncation.
  description: z.string().trim().min(1).max(10_000),
});
const labels = z.array(z.string().trim().min(1).max(200)).max(50);
const allowedLegalBases = z.array(z.enum(legalBases)).min(1).max(legalBases.length);
// Whether the country is outside the EEA and a recipient is named is the domain's to decide
// (`checkThirdCountryTransfers`, with its own message); here only the shape.
const transfers = z
  .array(
    z.object({
      country: z.string().trim().max(10),
      recipient: z.string().trim().max(200),
      safeguard: z.enum(transferSafeguards),
    }),
  )
  .max(50);

/** The default basis must be one the purpose allows (the domain checks it again on write). */
function defaultBasisAllowed(
  value: { defaultLegalBasis?: string; allowedLegalBases?: string[] },
  context: z.RefinementCtx,
) {
  const { defaultLegalBasis, allowedLegalBases } = value;
  if (defaultLegalBasis && allowedLegalBases && !allowedLegalBases.includes(defaultLegalBasis))
    context.addIssue({ code: "custom", path: ["allowedLegalBases"], message: "default_basis_not_allowed" });
}

export const purposeFieldsInput = z.object({
  texts: z.object({ de: text, en: text }),
  defaultLegalBasis: z.enum(legalBases),
  channels: z.array(z.enum(channels)).max(channels.length),
  doubleOptIn: z.boolean(),
  retentionPeriod: z.string().trim().toUpperCase().max(40).refine(isRetentionPeriod),
  dataCategories: labels,
  recipients: labels,
  active: z.boolean(),
  /** Art. 21(2), (3): an objection to direct marketing closes this purpose. */
  directMarketing: z.boolean(),
  /** UWG §7(3) no. 2: advertises the controller's own similar goods to existing customers. */
  ownSimilarGoods: z.boolean(),
  /** Left out: the default basis alone. */
  allowedLegalBases: allowedLegalBases.optional(),
  /** Art. 30(1)(c): customers, prospects, employees… */
  dataSubjectCategories: labels,
  /** Art. 30(1)(e), 44–49: each transfer outside the EEA with its ground. */
  thirdCountryTransfers: transfers,
  /** Art. 15(1)(h), 22: profiling or automated decisions. */
  profiling: z.boolean(),
});

export const createPurposeInput = purposeFieldsInput
  .extend({
    key: z.string().trim().min(1).max(64).regex(purposeKeyPattern),
    directMarketing: z.boolean().default(false),
    ownSimilarGoods: z.boolean().default(false),
    dataSubjectCategories: labels.default([]),
    thirdCountryTransfers: transfers.default([]),
    profiling: z.boolean().default(false),
  })
  .superRefine(defaultBasisAllowed);

export const purposeIdInput = z.object({ purposeId: z.uuid() });

export const updatePurposeInput = purposeFieldsInput
  .partial()
  .extend({
    purposeId: z.uuid(),
    /** A reworded text that says something new; widening the scope is material anyway. */
    material: z.boolean().default(false),
  })
  .superRefine(defaultBasisAllowed);
