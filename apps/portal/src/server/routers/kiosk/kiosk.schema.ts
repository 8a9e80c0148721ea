import { z } from "zod";

/** An e-mail address typed on the tablet; looked up exactly, never as a prefix. */
export const kioskEmail = z.string().trim().max(254).pipe(z.email());

export const findPersonInput = z.object({ email: kioskEmail });

export const createKioskPersonInput = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  preferredLanguage: z.enum(["de", "en"]),
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.email().optional()),
});

export const leaveKioskInput = z.object({ password: z.string().min(1).max(200) });

/** Wrong passwords allowed per staff user and window before leaving is refused for the window. */
export const kioskExitLimit = { max: 5, windowMs: 15 * 60 * 1000 } as const;
