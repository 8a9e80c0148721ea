import type { Database } from "../create-database.ts";

export interface CompanySettings {
  name: string;
  address: string;
  privacyContact: string;
  country: string;
  region?: string;
  ageOfConsent: number;
}

const fallback: CompanySettings = {
  name: "Purposeful",
  address: "",
  privacyContact: "",
  country: "DE",
  ageOfConsent: 16,
};

/** The controller's identity and calendar, shown in every mail and used for deadlines. */
export async function getCompanySettings(db: Database): Promise<CompanySettings> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", "company").executeTakeFirst();
  return { ...fallback, ...((row?.value as Partial<CompanySettings> | undefined) ?? {}) };
}
