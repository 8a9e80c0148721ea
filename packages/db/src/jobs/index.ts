export * from "./bulk-jobs.ts";
export { bulkJobHandlers } from "./handlers.ts";
export { purposeLightsHandler, purposeLightsJob } from "./purpose-lights-job.ts";
export * from "./run-bulk-jobs.ts";
