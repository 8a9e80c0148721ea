import { truncateIp } from "@purposeful/db";
import { clientAddress, parseTrustedProxies, type TrustedProxies } from "@purposeful/db/client-address";
import { env } from "../env";

let trusted: TrustedProxies | undefined;

/**
 * The client address: the socket's, or what trusted proxies (`TRUSTED_PROXIES`) put into
 * X-Forwarded-For; a header sent by the client itself never counts. Null when it cannot be told
 * (then every such request shares the "unknown" rate-limit bucket).
 */
export function clientIp(headers: Headers): string | null {
  trusted ??= parseTrustedProxies(env.TRUSTED_PROXIES);
  return clientAddress(headers, trusted);
}

/** What may be kept about the client: its user agent and its truncated address (/24, /48). */
export function clientContext(headers: Headers): { userAgent: string | null; ip: string } {
  return { userAgent: headers.get("user-agent"), ip: truncateIp(clientIp(headers)) };
}

export function rateLimitKey(scope: "link" | "new-link" | "request", headers: Headers): string {
  return `${scope}:${truncateIp(clientIp(headers))}`;
}

/** Token lookups per truncated address: enough for a person, too few to guess 256-bit tokens. */
export const linkLookupLimit = { limit: 20, windowSeconds: 600 };
export const newLinkLimit = { limit: 5, windowSeconds: 3600 };
/** The request form's verification mails: as many as new links, in a bucket of their own. */
export const requestLinkLimit = newLinkLimit;

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
