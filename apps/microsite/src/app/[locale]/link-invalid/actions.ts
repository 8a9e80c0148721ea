"use server";

import { hitRateLimit } from "@purposeful/db";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "../../../server/db";
import { requestNewLink } from "../../../server/new-link";
import { isSameOrigin, newLinkLimit, rateLimitKey } from "../../../server/request";

const form = z.object({ locale: z.enum(["de", "en"]), email: z.email().max(320) });

/**
 * "Send me a new link": the answer is always the same ("if the address is known …"), whether the
 * address is known, unknown, malformed or over the rate limit — it reveals nothing.
 */
export async function requestLink(formData: FormData): Promise<void> {
  const parsed = form.safeParse({ locale: formData.get("locale"), email: formData.get("email") });
  const locale = parsed.success ? parsed.data.locale : formData.get("locale") === "en" ? "en" : "de";
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) redirect(`/${locale}/link-invalid`);
  if (parsed.success) {
    const now = new Date();
    const db = await getDb();
    if (await hitRateLimit(db, rateLimitKey("new-link", requestHeaders), newLinkLimit, now)) {
      await db
        .transaction()
        .execute((trx) => requestNewLink(trx, parsed.data.email, { language: locale, now }));
    }
  }
  redirect(`/${locale}/link-invalid?sent=1`);
}
