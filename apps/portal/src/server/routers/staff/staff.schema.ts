import { staffRoles } from "@purposeful/domain";
import { z } from "zod";

export const createStaffUserInput = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().trim().toLowerCase().max(200),
  role: z.enum(staffRoles),
  locale: z.enum(["de", "en"]).default("de"),
  password: z.string().min(12).max(128),
});

export const setRoleInput = z.object({ userId: z.string().min(1).max(100), role: z.enum(staffRoles) });
export const setActiveInput = z.object({ userId: z.string().min(1).max(100), active: z.boolean() });
