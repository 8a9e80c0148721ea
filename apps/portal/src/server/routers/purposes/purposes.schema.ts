import { isRetentionPeriod, purposeKeyPattern } from "@purposeful/db";
import { channels, legalBases } from "@purposeful/domain";
import { z } from "zod";

const text = z.object({
  name: z.string().trim().min(1).max(200),
  // The purpose text is shown to people in full (Art. 7(2)); no summary, no truncation.
  description: z.string().trim().min(1).max(10_000),
});
const labels = z.array(z.string().trim().min(1).max(200)).max(50);

export const purposeFieldsInput = z.object({
  texts: z.object({ de: text, en: text }),
  defaultLegalBasis: z.enum(legalBases),
  channels: z.array(z.enum(channels)).max(channels.length),
  doubleOptIn: z.boolean(),
  retentionPeriod: z.string().trim().toUpperCase().max(40).refine(isRetentionPeriod),
  dataCategories: labels,
  recipients: labels,
  active: z.boolean(),
});

export const createPurposeInput = purposeFieldsInput.extend({
  key: z.string().trim().min(1).max(64).regex(purposeKeyPattern),
});

export const purposeIdInput = z.object({ purposeId: z.uuid() });

export const updatePurposeInput = purposeFieldsInput.partial().extend({
  purposeId: z.uuid(),
  /** A material text change: consents to older versions become invalid and people must be asked again. */
  material: z.boolean().default(false),
});
