import { consentCampaignHandler } from "../campaigns/consent-campaign-job.ts";
import { consentCampaignJob } from "../campaigns/consent-campaigns.ts";
import { breachNoticeHandler, breachNoticeJob } from "../cases/breach-notice-job.ts";
import { retentionSweepJob } from "../retention/retention-runs.ts";
import { retentionSweepHandler } from "../retention/retention-sweep-job.ts";
import type { BulkJobHandlers } from "./bulk-jobs.ts";
import { purposeLightsHandler, purposeLightsJob } from "./purpose-lights-job.ts";

/** The kinds of bulk job that need no secret; a new kind is a handler added here. */
export const bulkJobHandlers: BulkJobHandlers = {
  [purposeLightsJob]: purposeLightsHandler,
  // Art. 34: the notice is queued unrendered; its only link is the controller's public notice.
  [breachNoticeJob]: breachNoticeHandler,
};

/**
 * Every kind of bulk job, for a runner that holds the secrets: a mass consent request derives its
 * links' tokens from LINK_SECRET (only their hashes are stored); the retention sweep's level-3
 * erasures put addresses on the suppression list keyed by SUPPRESSION_SECRET.
 */
export function bulkJobHandlersWith(secrets: {
  linkSecret: string;
  suppressionSecret: string;
}): BulkJobHandlers {
  return {
    ...bulkJobHandlers,
    [consentCampaignJob]: consentCampaignHandler(secrets.linkSecret),
    [retentionSweepJob]: retentionSweepHandler({ suppressionSecret: secrets.suppressionSecret }),
  };
}
