export * from "./campaign-history.ts";
export * from "./consent-campaign-job.ts";
export * from "./consent-campaigns.ts";
export * from "./consent-request-sql.ts";
export * from "./request-records.ts";
