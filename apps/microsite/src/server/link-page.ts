import { hitRateLimit, resolveLink, resolveRequestLink } from "@purposeful/db";
import { headers } from "next/headers";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { routing } from "../i18n/routing";
import { getDb } from "./db";
import { linkLookupLimit, rateLimitKey } from "./request";

/**
 * For a page opened from a mail link: the page's locale, and the link if the token is valid and
 * the lookup is within the per-address rate limit (null otherwise, never saying why).
 */
export async function lookUpLinkForPage(rawLocale: string, token: string) {
  const locale = hasLocale(routing.locales, rawLocale) ? rawLocale : routing.defaultLocale;
  setRequestLocale(locale);
  const now = new Date();
  const db = await getDb();
  const allowed = await hitRateLimit(db, rateLimitKey("link", await headers()), linkLookupLimit, now);
  return { locale, link: allowed ? await resolveLink(db, token, now) : null };
}

/** The same for the request form's verification link (issue 11 #5): its own table, the same limit. */
export async function lookUpRequestLinkForPage(rawLocale: string, token: string) {
  const locale = hasLocale(routing.locales, rawLocale) ? rawLocale : routing.defaultLocale;
  setRequestLocale(locale);
  const now = new Date();
  const db = await getDb();
  const allowed = await hitRateLimit(db, rateLimitKey("link", await headers()), linkLookupLimit, now);
  return { locale, link: allowed ? await resolveRequestLink(db, token, now) : null };
}

export const primaryButtonClass =
  "rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700";
