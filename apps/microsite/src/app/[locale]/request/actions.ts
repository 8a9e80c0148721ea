"use server";

import { languages } from "@purposeful/domain";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "../../../server/db";
import { isSameOrigin } from "../../../server/request";
import { requestVerification } from "../../../server/request-form";

const form = z.object({ locale: z.enum(languages), email: z.email().max(320) });

/**
 * The request form's first step: the answer is always the same "check your inbox" page, whether
 * the address is known, unknown, suppressed, malformed or over the rate limit — it reveals nothing.
 */
export async function askForRequestLink(formData: FormData): Promise<void> {
  const parsed = form.safeParse({ locale: formData.get("locale"), email: formData.get("email") });
  const locale = parsed.success ? parsed.data.locale : formData.get("locale") === "en" ? "en" : "de";
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) redirect(`/${locale}/link-invalid`);
  if (parsed.success) {
    await requestVerification(await getDb(), parsed.data.email, {
      language: locale,
      now: new Date(),
      headers: requestHeaders,
    });
  }
  redirect(`/${locale}/request?sent=1`);
}
