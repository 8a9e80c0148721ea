import type { Database } from "../create-database.ts";

/**
 * The controller (Art. 4(7) GDPR) as shown on every microsite page and in every mail (Art. 13(1)(a),
 * (b)), the calendar used for deadlines, and the age of consent (Art. 8(1)).
 */
export interface CompanySettings {
  name: string;
  address: string;
  /** e-mail address for privacy questions */
  privacyContact: string;
  /** Art. 37(7) GDPR: the data protection officer's contact */
  dpoName: string;
  dpoEmail: string;
  privacyNoticeUrl: string;
  /** §5 DDG: the legal notice (Impressum) */
  legalNoticeUrl: string;
  country: string;
  /** federal state (ISO 3166-2 subdivision without the country, e.g. "BY") for public holidays */
  region?: string;
  ageOfConsent: number;
}

const fallback: CompanySettings = {
  name: "Purposeful",
  address: "",
  privacyContact: "",
  dpoName: "",
  dpoEmail: "",
  privacyNoticeUrl: "",
  legalNoticeUrl: "",
  country: "DE",
  ageOfConsent: 16,
};

/** The controller's identity and calendar, shown in every mail and used for deadlines. */
export async function getCompanySettings(db: Database): Promise<CompanySettings> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", "company").executeTakeFirst();
  return { ...fallback, ...((row?.value as Partial<CompanySettings> | undefined) ?? {}) };
}
