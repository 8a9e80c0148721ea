import type { Database } from "@purposeful/db";
import type { Language } from "@purposeful/domain";
import { renderEmail } from "../render.ts";
import { companyForMail, purposeTexts } from "./recipient.ts";

const sampleName: Record<Language, string> = { de: "Erika Mustermann", en: "Jane Doe" };

/**
 * The mail a mass consent request sends, for the confirmation step: the chosen purposes' current
 * texts in one language, with a sample name and a link that cannot work (no token exists yet).
 */
export async function previewCampaignMail(
  db: Database,
  input: { purposeIds: string[]; language: Language; micrositeUrl: string; expiresOn: string },
): Promise<{ subject: string; html: string }> {
  const purposes = await purposeTexts(db, input.purposeIds, input.language);
  const mail = await renderEmail(
    "consent-request",
    {
      company: await companyForMail(db),
      salutationName: sampleName[input.language],
      purposes: purposes.map((p) => ({ name: p.name, description: p.description })),
      linkUrl: `${input.micrositeUrl}/${input.language}/p/PREVIEW`,
      expiresOn: input.expiresOn,
    },
    input.language,
  );
  return { subject: mail.subject, html: mail.html };
}
