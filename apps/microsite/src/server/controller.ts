import { type CompanySettings, getCompanySettings } from "@purposeful/db";
import { cache } from "react";
import { env } from "../env";
import { getDb } from "./db";

/**
 * The controller as configured in the portal (Art. 13(1)(a), (b) GDPR), read once per request.
 * Null only where no database is configured at all (the header test serves bare pages); a
 * database that fails fails the page, as every page would.
 */
export const getController = cache(async (): Promise<CompanySettings | null> => {
  if (!env.DATABASE_URL) return null;
  return getCompanySettings(await getDb());
});
