"use server";

import { hitRateLimit, micrositeRequestMessageMax } from "@purposeful/db";
import { isDomainError, languages, requestTypes } from "@purposeful/domain";
import { fileRequestFromMicrosite } from "@purposeful/emails";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "../../../../server/db";
import { isSameOrigin, linkLookupLimit, rateLimitKey } from "../../../../server/request";
import { setRequestReceipt } from "../../../../server/request-form";

const form = z.object({
  locale: z.enum(languages),
  token: z.string().min(10).max(200),
  type: z.enum(requestTypes),
  message: z.string().max(micrositeRequestMessageMax),
});

/**
 * Files the request (POST only: a mail scanner's GET of the link files nothing). Without a valid
 * link nothing is created and the person sees the invalid-link page in their language; a missing
 * type or a message too long sends them back to the form with the error named.
 */
export async function fileRequest(formData: FormData): Promise<void> {
  const rawLocale = formData.get("locale") === "en" ? "en" : "de";
  const token = String(formData.get("token") ?? "");
  const parsed = form.safeParse({
    locale: formData.get("locale"),
    token,
    type: formData.get("type"),
    message: formData.get("message") ?? "",
  });
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) redirect(`/${rawLocale}/link-invalid`);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    const error = field === "type" ? "type" : field === "message" ? "message" : null;
    if (error && /^[A-Za-z0-9_-]{10,200}$/.test(token))
      redirect(`/${rawLocale}/request/${token}?error=${error}`);
    redirect(`/${rawLocale}/link-invalid?retry=request`);
  }
  const { locale } = parsed.data;
  const now = new Date();
  const db = await getDb();
  if (!(await hitRateLimit(db, rateLimitKey("link", requestHeaders), linkLookupLimit, now)))
    redirect(`/${locale}/link-invalid?retry=request`);
  const filed = await db
    .transaction()
    .execute((trx) => fileRequestFromMicrosite(trx, { ...parsed.data, language: locale, now }))
    .catch((error: unknown) => {
      if (isDomainError(error) && error.reason === "request_link_invalid") return null;
      throw error;
    });
  if (!filed) redirect(`/${locale}/link-invalid?retry=request`);
  await setRequestReceipt(filed);
  redirect(`/${locale}/request/received`);
}
