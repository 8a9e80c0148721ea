import { type Database, hitRateLimit } from "@purposeful/db";
import type { Language } from "@purposeful/domain";
import { sendRequestVerificationLink } from "@purposeful/emails";
import { cookies, headers } from "next/headers";
import { env, linkSecret, suppressionSecret } from "../env";
import { isHttps, rateLimitKey, requestLinkLimit } from "./request";

/**
 * The request form's first step. The caller answers "check your inbox" whatever happens here, and
 * the work is the same for a known, an unknown, a suppressed address and one over the rate limit
 * as far as the database allows: the rate limit is counted first for every submission, and the
 * flow runs the same statements for every address (`sendRequestVerificationLink`).
 */
export async function requestVerification(
  db: Database,
  email: string,
  context: { language: Language; now: Date; headers: Headers },
): Promise<void> {
  const allowed = await hitRateLimit(
    db,
    rateLimitKey("request", context.headers),
    requestLinkLimit,
    context.now,
  );
  if (!allowed) return;
  await db.transaction().execute((trx) =>
    sendRequestVerificationLink(trx, {
      email,
      language: context.language,
      micrositeUrl: env.PUBLIC_MICROSITE_URL,
      linkSecret: linkSecret(),
      suppressionSecret: suppressionSecret(),
      at: context.now,
    }),
  );
}

/** The filed case's number and due date, carried across the 303 in a short-lived cookie, not the URL. */
const RECEIPT_COOKIE = "pp_request";
const receiptPattern = /^(DSR-\d{4}-\d{4,})\|(\d{4}-\d{2}-\d{2})$/;

export async function setRequestReceipt(receipt: { number: string; dueDate: string }): Promise<void> {
  (await cookies()).set(RECEIPT_COOKIE, `${receipt.number}|${receipt.dueDate}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(await headers()),
    path: "/",
    maxAge: 600,
  });
}

/** Only a well-formed case number and date are shown; anything else in the cookie is ignored. */
export async function readRequestReceipt(): Promise<{ number: string; dueDate: string } | null> {
  const match = (await cookies()).get(RECEIPT_COOKIE)?.value.match(receiptPattern);
  return match?.[1] && match[2] ? { number: match[1], dueDate: match[2] } : null;
}
