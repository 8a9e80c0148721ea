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
 * Who may open a stored document (consent evidence, checked-in e-mails, signatures): the DPO and
 * the admin, and the staff user who uploaded it. Evidence is personal data kept to prove a consent,
 * so access is limited to those who need it (Art. 5(1)(f), Art. 32(4) GDPR).
 */
export function mayOpenDocument(
  viewer: { id: string; role: StaffRole },
  document: { createdBy: string | null },
): boolean {
  return roleAtLeast(viewer.role, "dpo") || (document.createdBy !== null && document.createdBy === viewer.id);
}
