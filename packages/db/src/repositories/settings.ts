import {
  defaultReminderDaysBeforeDue,
  defaultRetentionAction,
  defaultRetentionGraceDays,
  type RetentionAction,
} from "@purposeful/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

/**
 * The controller (Art. 4(7) GDPR) as shown on every microsite page and in every mail (Art. 13(1)(a),
 * (b)), the calendar used for deadlines, the age of consent (Art. 8(1)) and how retention is enforced.
 */
export interface CompanySettings {
  name: string;
  address: string;
  /** e-mail address for privacy questions */
  privacyContact: string;
  /** Art. 30(1)(a) GDPR: the controller's general contact details besides the address */
  controllerEmail: string;
  controllerPhone: string;
  /** Art. 37(7) GDPR: the data protection officer's contact */
  dpoName: string;
  dpoEmail: string;
  dpoAddress: string;
  dpoPhone: string;
  /** Art. 51, 77 GDPR: the competent supervisory authority, named where a report tells of the right to complain */
  authorityName: string;
  authorityAddress: string;
  authorityUrl: string;
  /** Art. 30(1)(g), 32 GDPR: a general description of the technical and organisational measures */
  technicalMeasures: string;
  privacyNoticeUrl: string;
  /** §5 DDG: the legal notice (Impressum) */
  legalNoticeUrl: string;
  country: string;
  /** federal state (ISO 3166-2 subdivision without the country, e.g. "BY") for public holidays */
  region?: string;
  ageOfConsent: number;
  /** Art. 5(1)(e), 17(1)(a) GDPR: what the scheduled retention route does with a due person */
  retentionAction: RetentionAction;
  /** how many days a contact without any purpose is kept for one to be recorded */
  retentionGraceDays: number;
  /** days before a request's due date on which its assignee is reminded (`isValidReminderDays`) */
  reminderDaysBeforeDue: number[];
}

const fallback: CompanySettings = {
  name: "Purposeful",
  address: "",
  privacyContact: "",
  controllerEmail: "",
  controllerPhone: "",
  dpoName: "",
  dpoEmail: "",
  dpoAddress: "",
  dpoPhone: "",
  authorityName: "",
  authorityAddress: "",
  authorityUrl: "",
  technicalMeasures: "",
  privacyNoticeUrl: "",
  legalNoticeUrl: "",
  country: "DE",
  ageOfConsent: 16,
  retentionAction: defaultRetentionAction,
  retentionGraceDays: defaultRetentionGraceDays,
  reminderDaysBeforeDue: [...defaultReminderDaysBeforeDue],
};

/** The controller's identity and calendar, shown in every mail and used for deadlines. */
export async function getCompanySettings(db: Database): Promise<CompanySettings> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", "company").executeTakeFirst();
  return { ...fallback, ...((row?.value as Partial<CompanySettings> | undefined) ?? {}) };
}

/**
 * Replaces the company settings (validated by the caller) and audits which fields changed, with
 * their values before and after: the controller's published identity, not a data subject's data.
 * Locks the row, so two admins saving at once are audited in the order they were applied.
 */
export async function updateCompanySettings(
  trx: Database,
  settings: CompanySettings,
  by: { staffUserId: string; at: Date },
): Promise<{ changed: Array<keyof CompanySettings> }> {
  const row = await trx
    .selectFrom("setting")
    .select("value")
    .where("key", "=", "company")
    .forUpdate()
    .executeTakeFirst();
  const before = { ...fallback, ...((row?.value as Partial<CompanySettings> | undefined) ?? {}) };
  const after: CompanySettings = { ...before, ...settings };
  // Compared as JSON: the reminder days are a list.
  const changed = (Object.keys(after) as Array<keyof CompanySettings>).filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
  if (changed.length === 0) return { changed };
  const value = JSON.stringify(after);
  await trx
    .insertInto("setting")
    .values({ key: "company", value, updatedAt: by.at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updatedAt: by.at }))
    .execute();
  await recordAudit(trx, {
    actor: { type: "staff", id: by.staffUserId },
    action: "setting.updated",
    entityType: "setting",
    entityId: "company",
    changes: {
      fields: changed,
      before: Object.fromEntries(changed.map((key) => [key, before[key] ?? null])),
      after: Object.fromEntries(changed.map((key) => [key, after[key] ?? null])),
    },
    at: by.at,
  });
  return { changed };
}
