import { isDomainError } from "@purposeful/domain";
import { campaignLettersPdf } from "@purposeful/emails";
import { env, linkSecret } from "../../../../../../env";
import { domainReasonMessages } from "../../../../../../server/domain-error-messages";
import { pdfResponse } from "../../../../../../server/pdf-response";
import { staffRoute } from "../../../../../../server/route-guard";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const noLetters = { de: "Diese Anfrage hat keine Briefe.", en: "This request has no letters." };

/**
 * Issue 8 #5: the letters of a mass consent request as PDFs to print, `?part=N` of 500 letters each
 * (one page per person, the personal link as text and QR code). The tokens are derived now; every
 * download is audited.
 */
export const GET = staffRoute<{ campaignId: string }>("marketing", async (request, { db, user, params }) => {
  const missing = domainReasonMessages.campaign_not_found[user.locale];
  if (!uuid.test(params.campaignId))
    return Response.json({ code: "NOT_FOUND", error: missing }, { status: 404 });
  const part = Number(new URL(request.url).searchParams.get("part") ?? "1");
  if (!Number.isInteger(part) || part < 1 || part > 10_000)
    return Response.json({ code: "NOT_FOUND", error: noLetters[user.locale] }, { status: 404 });
  const now = new Date();
  const result = await campaignLettersPdf(db, {
    campaignId: params.campaignId,
    part,
    staffUserId: user.id,
    linkSecret: linkSecret(),
    micrositeUrl: env.MICROSITE_URL,
    at: now,
  }).catch((error: unknown) => {
    if (isDomainError(error)) return error;
    throw error;
  });
  if (isDomainError(result)) return Response.json({ code: "NOT_FOUND", error: missing }, { status: 404 });
  if (!result.pdf)
    return Response.json({ code: "NOT_FOUND", error: noLetters[user.locale] }, { status: 404 });
  const name = `consent-letters-${now.toISOString().slice(0, 10)}-part-${part}-of-${result.parts}.pdf`;
  return pdfResponse(result.pdf, name, "attachment", { "X-Letters-Unprintable": String(result.unprintable) });
});
