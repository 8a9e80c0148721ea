export const staffRoles = ["staff", "marketing", "dpo", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

/** Roles are linear (staff < marketing < dpo < admin), so a higher role can do everything a lower one can. */
export function roleAtLeast(role: StaffRole, required: StaffRole): boolean {
  return staffRoles.indexOf(role) >= staffRoles.indexOf(required);
}

/**
 * Who may see items kept restricted after a level-3 erasure until their legal hold ends (documents,
 * bank accounts, consent evidence with `held_until`): the DPO and the admin only; nobody else
 * receives them at all (Art. 18(2) GDPR, §35(3) BDSG: stored, excluded from every other use).
 */
export function maySeeHeldItems(role: StaffRole): boolean {
  return roleAtLeast(role, "dpo");
}

/**
 * Who may open a stored document (consent evidence, checked-in e-mails, signatures): the DPO and
 * the admin, and the staff user who uploaded it. Evidence is personal data kept to prove a consent,
 * so access is limited to those who need it (Art. 5(1)(f), Art. 32(4) GDPR). A document held after
 * an erasure opens for the DPO and the admin only, not for its uploader (Art. 18(2), §35(3) BDSG).
 */
export function mayOpenDocument(
  viewer: { id: string; role: StaffRole },
  document: { createdBy: string | null; heldUntil?: string | null },
): boolean {
  if (roleAtLeast(viewer.role, "dpo")) return true;
  if (document.heldUntil) return false;
  return document.createdBy !== null && document.createdBy === viewer.id;
}
