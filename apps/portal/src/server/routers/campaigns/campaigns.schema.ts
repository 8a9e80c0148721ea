import { languages } from "@purposeful/domain";
import { z } from "zod";
import { checkListInput, listIdInput } from "../lists/lists.schema";

/** "Ask everyone without a valid basis" after a check: the check's settings and the DPO's choice. */
export const campaignRequestInput = checkListInput.extend({
  includeRefusals: z.boolean().default(false),
  checkId: z.uuid().nullish(),
});
export const campaignMailPreviewInput = z.object({
  purposeIds: z.array(z.uuid()).min(1).max(20),
  language: z.enum(languages),
});
export const campaignIdInput = z.object({ campaignId: z.uuid() });
export const campaignHistoryInput = listIdInput.extend({
  limit: z.number().int().min(1).max(50).default(10),
});
export const personCampaignsInput = z.object({ personId: z.uuid() });
