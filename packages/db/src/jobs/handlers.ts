import type { BulkJobHandlers } from "./bulk-jobs.ts";
import { purposeLightsHandler, purposeLightsJob } from "./purpose-lights-job.ts";

/** Every kind of bulk job the runner knows; a new kind is a handler added here. */
export const bulkJobHandlers: BulkJobHandlers = {
  [purposeLightsJob]: purposeLightsHandler,
};
