import { maxRestrictionReasonLength, maxRetentionReasonLength, retentionDutyKeys } from "@purposeful/domain";
import { z } from "zod";
import { personIdInput } from "./persons.schema";

// Reasons and dates are checked by the domain (restriction_reason_required, invalid_retention_date,
// retention_reason_required), so their messages are the domain's; zod only bounds their size.

export const restrictionInput = personIdInput.extend({
  reason: z.string().max(maxRestrictionReasonLength * 2),
});

export const manualRetentionInput = personIdInput.extend({
  until: z.string().max(40),
  reason: z.string().max(maxRetentionReasonLength * 2),
});

const retentionClass = {
  retentionClass: z.enum(retentionDutyKeys).nullable(),
  /** YYYY-MM-DD; empty or absent: the day the item was stored */
  retentionDate: z
    .string()
    .max(40)
    .nullish()
    .transform((value) => value?.trim() || null),
};

export const documentRetentionInput = z.object({ documentId: z.uuid(), ...retentionClass });

export const bankAccountRetentionInput = personIdInput.extend({ bankAccountId: z.uuid(), ...retentionClass });

export const addBankAccountInput = personIdInput.extend({
  iban: z.string().trim().min(1).max(60),
  bic: z
    .string()
    .trim()
    .max(11)
    .optional()
    .transform((value) => value || null),
  accountHolder: z.string().trim().min(1).max(200),
  ...retentionClass,
});
