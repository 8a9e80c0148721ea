import { DomainError } from "../errors.ts";
import { roleAtLeast, type StaffRole } from "../roles.ts";

/**
 * Art. 17(1), 5(1)(d) GDPR: after a level-3 erasure the address survives only as a keyed hash on the
 * suppression list, so a contact who was erased is not silently created again (and, for example, mailed
 * again). Whoever enters a suppressed address is warned and stopped; only the data protection officer
 * (or an admin) may decide that the address may be used anyway, explicitly and audited — for instance
 * when the person came back and gave it themselves.
 */
export const suppressionOverrideRole: StaffRole = "dpo";

export type SuppressionOutcome = "clear" | "overridden";

/**
 * What happens to an entry with a suppressed address: without a hit it is clear; with one it is
 * refused (`suppressed_address`) unless an override was ticked by a dpo or admin
 * (`suppression_override_dpo_only` for anyone else, `null` role: no staff user, e.g. the kiosk).
 */
export function decideSuppressedAddress(input: {
  suppressed: boolean;
  override: boolean;
  role: StaffRole | null;
}): SuppressionOutcome {
  if (!input.suppressed) return "clear";
  if (!input.override) throw new DomainError("conflict", "suppressed_address");
  if (!input.role || !roleAtLeast(input.role, suppressionOverrideRole))
    throw new DomainError("forbidden", "suppression_override_dpo_only");
  return "overridden";
}
