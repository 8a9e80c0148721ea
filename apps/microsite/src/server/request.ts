import { truncateIp } from "@purposeful/db";
import { env } from "../env";

/**
 * The client address: the last X-Forwarded-For entry (what the nearest proxy saw; `next start`
 * fills the header from the socket when no proxy set it), else X-Real-IP. Deploy behind a reverse
 * proxy that appends to X-Forwarded-For, or a client can choose its own rate-limit bucket.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

/** What may be kept about the client: its user agent and its truncated address (/24, /48). */
export function clientContext(headers: Headers): { userAgent: string | null; ip: string } {
  return { userAgent: headers.get("user-agent"), ip: truncateIp(clientIp(headers)) };
}

export function rateLimitKey(scope: "link" | "new-link", headers: Headers): string {
  return `${scope}:${truncateIp(clientIp(headers))}`;
}

/** Token lookups per truncated address: enough for a person, too few to guess 256-bit tokens. */
export const linkLookupLimit = { limit: 20, windowSeconds: 600 };
export const newLinkLimit = { limit: 5, windowSeconds: 3600 };

export const publicOrigin = (): string => new URL(env.PUBLIC_MICROSITE_URL).origin;

/**
 * CSRF: every state-changing request must come from a page of the public microsite itself. With
 * `Referrer-Policy: no-referrer`, browsers send `Origin: null` on plain form posts (JavaScript off),
 * so a `null` origin is accepted only when the browser itself vouches for a same-origin request
 * (`Sec-Fetch-Site`, which pages cannot set). Cross-site posts also never carry the SameSite session
 * cookie.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === publicOrigin()) return true;
  return origin === "null" && headers.get("sec-fetch-site") === "same-origin";
}

/** Cookies get Secure when the site is served over https (directly or through the proxy). */
export function isHttps(headers: Headers, url?: string): boolean {
  return (
    publicOrigin().startsWith("https:") ||
    headers.get("x-forwarded-proto") === "https" ||
    (url?.startsWith("https:") ?? false)
  );
}
