import { type MicrositeSessionInfo, resolveSession, SESSION_MINUTES } from "@purposeful/db";
import { cookies, headers } from "next/headers";
import { getDb } from "./db";
import { isHttps } from "./request";

/**
 * The session cookie: an opaque random token (only its SHA-256 is in microsite_session), httpOnly,
 * SameSite=Lax, Secure on https, Path=/, Max-Age = the session's fixed 30 minutes.
 *
 * Lax, not Strict: the link is clicked in a mail client or webmail (a cross-site initiator), and a
 * Strict cookie is withheld on every request of a navigation chain that started cross-site — also on
 * our own 303 to /settings. Lax is sent on that top-level GET, but never on cross-site POSTs, which
 * with the Origin check in the actions keeps the forms CSRF-safe.
 */
export const SESSION_COOKIE = "pp_session";
export const FLASH_COOKIE = "pp_flash";

export async function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isHttps(await headers()),
    path: "/",
    maxAge: SESSION_MINUTES * 60,
  };
}

/** The current session, or null (no cookie, unknown, expired, or its link revoked). */
export async function currentSession(now: Date = new Date()): Promise<MicrositeSessionInfo | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return resolveSession(await getDb(), token, now);
}

/** What a save changed, carried across the 303 in a short-lived cookie instead of the URL. */
export interface Flash {
  granted: string[];
  withdrawn: string[];
  needsConfirmation: string[];
}

const uuid = /^[0-9a-f-]{36}$/i;

export async function setFlash(flash: Flash): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString("base64url"), {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(await headers()),
    path: "/",
    maxAge: 120,
  });
}

/** Purpose ids only; the page maps them to names it knows, so nothing from the cookie is echoed. */
export async function readFlash(): Promise<Flash> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  const empty: Flash = { granted: [], withdrawn: [], needsConfirmation: [] };
  if (!raw) return empty;
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Flash>;
    const ids = (value: unknown) =>
      Array.isArray(value) ? value.filter((id): id is string => typeof id === "string" && uuid.test(id)) : [];
    return {
      granted: ids(parsed.granted),
      withdrawn: ids(parsed.withdrawn),
      needsConfirmation: ids(parsed.needsConfirmation),
    };
  } catch {
    return empty;
  }
}
