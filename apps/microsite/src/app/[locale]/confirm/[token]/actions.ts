"use server";

import { confirmDoubleOptIn, hitRateLimit } from "@purposeful/db";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "../../../../server/db";
import { clientContext, isSameOrigin, linkLookupLimit, rateLimitKey } from "../../../../server/request";
import { setFlash } from "../../../../server/session";

const form = z.object({ locale: z.enum(["de", "en"]), token: z.string().min(10).max(200) });

/** The confirmation click (BGH I ZR 164/09), on POST only; single use. */
export async function confirm(formData: FormData): Promise<void> {
  const parsed = form.safeParse({ locale: formData.get("locale"), token: formData.get("token") });
  const locale = parsed.success ? parsed.data.locale : "de";
  const requestHeaders = await headers();
  if (!parsed.success || !isSameOrigin(requestHeaders)) redirect(`/${locale}/link-invalid`);
  const now = new Date();
  const db = await getDb();
  if (!(await hitRateLimit(db, rateLimitKey("link", requestHeaders), linkLookupLimit, now))) {
    redirect(`/${locale}/link-invalid`);
  }
  const result = await db
    .transaction()
    .execute((trx) =>
      confirmDoubleOptIn(trx, parsed.data.token, now, { ...clientContext(requestHeaders), language: locale }),
    );
  if (!result) redirect(`/${locale}/link-invalid`);
  await setFlash({ granted: result.purposeIds, withdrawn: [], needsConfirmation: [] });
  redirect(`/${locale}/confirmed`);
}
