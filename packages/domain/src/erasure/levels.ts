import { roleAtLeast, type StaffRole } from "../roles.ts";

export const erasureLevels = [1, 2, 3] as const;
export type ErasureLevel = (typeof erasureLevels)[number];

/**
 * Level 1 only does what staff may already do record by record (withdraw, end, block mail); level 2
 * deletes contact data for good; level 3 removes the person irreversibly, which is the DPO's call.
 */
export const erasureRequiredRole: Record<ErasureLevel, StaffRole> = {
  1: "staff",
  2: "marketing",
  3: "dpo",
};

export const erasureLevelDescription: Record<ErasureLevel, string> = {
  1: "Consents withdrawn, direct marketing objected to and blocked on every channel; contract and legal-obligation records stay.",
  2: "Level 1, and all communication data deleted except the primary e-mail address.",
  3: "Every personal datum anonymized or deleted, held items restricted until their hold ends; the e-mail address survives only as a keyed hash.",
};

export function isErasureLevel(value: number): value is ErasureLevel {
  return (erasureLevels as readonly number[]).includes(value);
}

export function mayErase(role: StaffRole, level: ErasureLevel): boolean {
  return roleAtLeast(role, erasureRequiredRole[level]);
}
