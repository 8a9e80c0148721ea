export const staffRoles = ["staff", "marketing", "dpo", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

/** Roles are linear (staff < marketing < dpo < admin), so a higher role can do everything a lower one can. */
export function roleAtLeast(role: StaffRole, required: StaffRole): boolean {
  return staffRoles.indexOf(role) >= staffRoles.indexOf(required);
}
