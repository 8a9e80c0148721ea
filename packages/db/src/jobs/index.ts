export * from "./bulk-jobs.ts";
export { bulkJobHandlers, bulkJobHandlersWith } from "./handlers.ts";
export { purposeLightsHandler, purposeLightsJob } from "./purpose-lights-job.ts";
export * from "./run-bulk-jobs.ts";
