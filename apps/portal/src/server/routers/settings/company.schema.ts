import {
  defaultReminderDaysBeforeDue,
  defaultRetentionAction,
  defaultRetentionGraceDays,
  germanFederalStates,
  isPublicNoticeUrl,
  isValidAgeOfConsent,
  isValidReminderDays,
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
/** Optional free text; line breaks as LF, as a textarea's CRLF would otherwise count as a change. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "too_long" })
    .transform((value) => value.replace(/\r\n?/g, "\n"))
    .default("");
const optionalEmail = z.union([z.literal(""), email]).default("");
// Digits with the usual separators and an optional leading +, as printed on letterheads.
const optionalPhone = z
  .string()
  .trim()
  .max(40, { error: "too_long" })
  .regex(/^(\+?[0-9(][0-9 ()/.-]{2,})?$/, { error: "phone_invalid" })
  .default("");

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
      // Art. 30(1)(a): the controller's contact details besides the postal address.
      controllerEmail: optionalEmail,
      controllerPhone: optionalPhone,
      // Art. 37 GDPR, §38 BDSG: not every controller must name a DPO; if one is named, with an address.
      dpoName: z.string().trim().max(200, { error: "too_long" }).default(""),
      dpoEmail: optionalEmail,
      dpoAddress: optionalText(500),
      dpoPhone: optionalPhone,
      // Art. 77: the authority a data subject may complain to, named in access reports.
      authorityName: optionalText(200),
      authorityAddress: optionalText(500),
      authorityUrl: z
        .string()
        .trim()
        .max(500, { error: "too_long" })
        .refine((value) => value === "" || isPublicNoticeUrl(value, { allowLocalhost: false }), {
          error: "https_required",
        })
        .default(""),
      // Art. 30(1)(g), 32: a general description of the technical and organisational measures.
      technicalMeasures: optionalText(20_000),
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
      // Issue 11 #8: the assignee of a request is reminded on these days before its due date.
      reminderDaysBeforeDue: z
        .array(z.number({ error: "reminder_days_invalid" }), { error: "reminder_days_invalid" })
        .refine(isValidReminderDays, { error: "reminder_days_invalid" })
        .transform((days) => [...days].sort((a, b) => b - a))
        .default([...defaultReminderDaysBeforeDue]),
    })
    .refine((settings) => settings.dpoName === "" || settings.dpoEmail !== "", {
      error: "dpo_email_required",
      path: ["dpoEmail"],
    });
}

export type CompanySettingsInput = z.infer<ReturnType<typeof companySettingsInput>>;
