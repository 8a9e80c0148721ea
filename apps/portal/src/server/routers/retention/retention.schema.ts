import { z } from "zod";

// The messages are domain reasons: server/errors.ts shows them in the user's language.
export const reviewedPersonInput = z.object({ personId: z.uuid({ error: "person_not_found" }) });

/** Postpone a queued person's erasure: a later day (YYYY-MM-DD) and why; the domain checks both. */
export const postponeInput = reviewedPersonInput.extend({
  until: z.string({ error: "invalid_retention_date" }).trim().max(10, { error: "invalid_retention_date" }),
  reason: z.string({ error: "retention_reason_required" }).trim().max(500, { error: "invalid_field" }),
});
