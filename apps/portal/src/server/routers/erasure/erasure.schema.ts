import { erasureLevels, erasureReasons } from "@purposeful/domain";
import { z } from "zod";

// The messages are domain reasons: server/errors.ts shows them in the user's language.
const level = z.literal(erasureLevels, { error: "erasure_level_invalid" });
const reason = z.enum(erasureReasons, { error: "erasure_reason_required" });

export const personIdInput = z.object({ personId: z.uuid() });

/** What erasure at `level` would do to the person now (nothing is changed). */
export const erasurePreviewInput = personIdInput.extend({ level });

export const erasePersonInput = personIdInput.extend({
  level,
  reason,
  /** Optional context (e.g. how the request arrived); stored with the erasure, never in the audit log. */
  note: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((value) => value || null),
});

export const erasureIdInput = z.object({ erasureId: z.uuid() });
