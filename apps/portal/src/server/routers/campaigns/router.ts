import {
  consentCampaignProgress,
  listConsentCampaigns,
  personConsentCampaigns,
  previewConsentCampaign,
  startConsentCampaign,
} from "@purposeful/db";
import { addDays, calendarDateAt, formatCalendarDate } from "@purposeful/domain";
import { previewCampaignMail } from "@purposeful/emails";
import { env } from "../../../env";
import { procedureFor, router } from "../../trpc";
import {
  campaignHistoryInput,
  campaignIdInput,
  campaignMailPreviewInput,
  campaignRequestInput,
  personCampaignsInput,
} from "./campaigns.schema";

const marketing = () => procedureFor("marketing");

/**
 * Issue 8 #5–7, mass consent requests (marketing and up; including refusals: the DPO, decided in
 * packages/db): thin calls into packages/db and packages/emails.
 */
export const campaignsRouter = router({
  /** Who would be asked by e-mail, who by letter, and why the others not: for the confirmation. */
  preview: marketing()
    .input(campaignRequestInput)
    .query(({ ctx, input }) => previewConsentCampaign(ctx.db, input, ctx.now())),
  /** One mail as it will be sent, with a sample name and no working link. */
  previewMail: marketing()
    .input(campaignMailPreviewInput)
    .query(({ ctx, input }) =>
      previewCampaignMail(ctx.db, {
        ...input,
        micrositeUrl: env.MICROSITE_URL,
        expiresOn: formatCalendarDate(addDays(calendarDateAt(ctx.now()), 30)),
      }),
    ),
  /** Starts the request as a bulk job; the page then polls `progress`. */
  start: marketing()
    .input(campaignRequestInput)
    .mutation(({ ctx, input }) =>
      startConsentCampaign(ctx.db, input, { id: ctx.user.id, role: ctx.user.role }, ctx.now()),
    ),
  progress: marketing()
    .input(campaignIdInput)
    .query(({ ctx, input }) => consentCampaignProgress(ctx.db, input.campaignId)),
  /** The list's consent requests, newest first, with their counts. */
  history: marketing()
    .input(campaignHistoryInput)
    .query(({ ctx, input }) => listConsentCampaigns(ctx.db, input.listId, input.limit)),
  /** The person page: which campaigns asked this person, how, or why not. */
  forPerson: procedureFor("staff")
    .input(personCampaignsInput)
    .query(({ ctx, input }) => personConsentCampaigns(ctx.db, input.personId)),
});
