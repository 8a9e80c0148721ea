import {
  defaultRetentionAction,
  defaultRetentionGraceDays,
  germanFederalStates,
  isPublicNoticeUrl,
  isValidAgeOfConsent,
  isValidRetentionGraceDays,
  retentionActions,
} from "@purposeful/domain";
import { z } from "zod";

// Error messages are keys of `companySettings.errors` in the portal's messages (de/en).
const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "too_long" });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, { error: "too_long" })
  .pipe(z.email({ error: "email_invalid" }));

/** The controller's identity as an admin edits it; `allowLocalhost` only outside production. */
export function companySettingsInput(options: { allowLocalhost: boolean }) {
  const noticeUrl = z
    .string()
    .trim()
    .max(500, { error: "too_long" })
    .refine((value) => isPublicNoticeUrl(value, options), {
      error: options.allowLocalhost ? "https_or_localhost_required" : "https_required",
    });
  return z
    .object({
      name: text(200),
      address: text(500),
      privacyContact: email,
      // Art. 37 GDPR, §38 BDSG: not every controller must name a DPO; if one is named, with an address.
      dpoName: z.string().trim().max(200, { error: "too_long" }).default(""),
      dpoEmail: z.union([z.literal(""), email]).default(""),
      privacyNoticeUrl: noticeUrl,
      legalNoticeUrl: noticeUrl,
      country: z.literal("DE", { error: "country_unsupported" }).default("DE"),
      region: z.enum(germanFederalStates, { error: "state_unknown" }),
      ageOfConsent: z.number({ error: "age_range" }).refine(isValidAgeOfConsent, { error: "age_range" }),
      // What the scheduled retention route does with a due person (Art. 5(1)(e), 17(1)(a)).
      retentionAction: z
        .enum(retentionActions, { error: "retention_action_unknown" })
        .default(defaultRetentionAction),
      retentionGraceDays: z
        .number({ error: "grace_days_range" })
        .refine(isValidRetentionGraceDays, { error: "grace_days_range" })
        .default(defaultRetentionGraceDays),
    })
    .refine((settings) => settings.dpoName === "" || settings.dpoEmail !== "", {
      error: "dpo_email_required",
      path: ["dpoEmail"],
    });
}

export type CompanySettingsInput = z.infer<ReturnType<typeof companySettingsInput>>;
