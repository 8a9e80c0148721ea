"use server";

import { saveMicrositeChoices, saveMicrositeObjection, withdrawEverything } from "@purposeful/db";
import { channels, isDomainError } from "@purposeful/domain";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { afterChoicesSaved } from "../../../server/after-save";
import { getDb } from "../../../server/db";
import { clientContext, isSameOrigin } from "../../../server/request";
import { currentSession, setFlash } from "../../../server/session";

const locale = z.enum(["de", "en"]);
const saveForm = z.object({
  locale,
  granted: z.array(z.uuid()).max(200),
  shown: z
    .array(
      z
        .string()
        .regex(/^[0-9a-f-]{36}:\d{1,6}$/i)
        .transform((value) => {
          const [purposeId = "", version = "0"] = value.split(":");
          return { purposeId, version: Number(version) };
        }),
    )
    .min(1)
    .max(200),
});

/** Origin and session, or the generic page: a forged or stale request learns nothing. */
async function guard(rawLocale: FormDataEntryValue | null) {
  const parsedLocale = locale.safeParse(rawLocale);
  const lang = parsedLocale.success ? parsedLocale.data : "de";
  if (!isSameOrigin(await headers())) redirect(`/${lang}/link-invalid`);
  const now = new Date();
  const session = await currentSession(now);
  if (!session) redirect(`/${lang}/link-invalid`);
  return { lang, now, session };
}

export async function saveChoices(formData: FormData): Promise<void> {
  const { lang, now, session } = await guard(formData.get("locale"));
  const parsed = saveForm.safeParse({
    locale: formData.get("locale"),
    granted: formData.getAll("granted"),
    shown: formData.getAll("shown"),
  });
  if (!parsed.success) redirect(`/${lang}/settings?error=1`);
  const context = clientContext(await headers());
  const db = await getDb();
  let result: Awaited<ReturnType<typeof saveMicrositeChoices>>;
  try {
    result = await db.transaction().execute(async (trx) => {
      const saved = await saveMicrositeChoices(trx, {
        personId: session.personId,
        language: parsed.data.locale,
        granted: parsed.data.granted,
        shown: parsed.data.shown,
        ...context,
        now,
      });
      await afterChoicesSaved(trx, saved);
      return saved;
    });
  } catch (error) {
    // Art. 8(1) GDPR: below the age of consent the parents must consent; the page says so.
    if (isDomainError(error) && error.reason === "parental_consent_required") {
      redirect(`/${lang}/settings?minor=1`);
    }
    // The texts changed (or a purpose was retired) while the form was open: show the current ones.
    if (isDomainError(error) && (error.code === "conflict" || error.code === "validation")) {
      redirect(`/${lang}/settings?conflict=1`);
    }
    throw error;
  }
  await setFlash({
    granted: result.grantedIds,
    withdrawn: result.withdrawnIds,
    needsConfirmation: result.needsConfirmation,
  });
  redirect(`/${lang}/settings?saved=1`);
}

/** Art. 7(3) GDPR: withdrawing is one step, as easy as giving consent. */
export async function withdrawAll(formData: FormData): Promise<void> {
  const { lang, now, session } = await guard(formData.get("locale"));
  const context = clientContext(await headers());
  const db = await getDb();
  const result = await db.transaction().execute(async (trx) => {
    const withdrawn = await withdrawEverything(trx, {
      personId: session.personId,
      language: lang,
      ...context,
      now,
    });
    await afterChoicesSaved(trx, withdrawn);
    return withdrawn;
  });
  await setFlash({ granted: [], withdrawn: result.withdrawnIds, needsConfirmation: [] });
  redirect(`/${lang}/settings?saved=1`);
}

/** Art. 21(2),(3) GDPR: the objection to direct marketing, per channel, exactly as ticked. */
export async function saveObjection(formData: FormData): Promise<void> {
  const { lang, now, session } = await guard(formData.get("locale"));
  const parsed = z.array(z.enum(channels)).max(channels.length).safeParse(formData.getAll("channel"));
  if (!parsed.success) redirect(`/${lang}/settings?error=1`);
  const context = clientContext(await headers());
  const db = await getDb();
  await db
    .transaction()
    .execute((trx) =>
      saveMicrositeObjection(trx, { personId: session.personId, channels: parsed.data, ...context, now }),
    );
  redirect(`/${lang}/settings?objection=1`);
}
