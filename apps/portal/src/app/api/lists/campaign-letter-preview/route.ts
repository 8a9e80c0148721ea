import { addDays, calendarDateAt, formatCalendarDate } from "@purposeful/domain";
import { previewCampaignLetter } from "@purposeful/emails";
import { z } from "zod";
import { env } from "../../../../env";
import { pdfResponse } from "../../../../server/pdf-response";
import { staffRoute } from "../../../../server/route-guard";

const input = z.object({ purposeIds: z.array(z.uuid()).min(1).max(20) });
const badRequest = { de: "Die Eingabe ist ungültig.", en: "The input is not valid." };

/** Issue 8 #5: a sample letter (German and English page) for the chosen purposes, before sending. */
export const GET = staffRoute("marketing", async (request, { db, user }) => {
  const query = new URL(request.url).searchParams;
  const parsed = input.safeParse({
    purposeIds: query.getAll("purposeIds").flatMap((value) => value.split(",")),
  });
  if (!parsed.success)
    return Response.json({ code: "BAD_REQUEST", error: badRequest[user.locale] }, { status: 400 });
  const now = new Date();
  const pdf = await previewCampaignLetter(db, {
    purposeIds: parsed.data.purposeIds,
    micrositeUrl: env.MICROSITE_URL,
    at: now,
    expiresOn: formatCalendarDate(addDays(calendarDateAt(now), 60)),
  });
  return pdfResponse(pdf, "consent-letter-preview.pdf", "inline");
});
