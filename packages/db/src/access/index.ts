export * from "./access-report-facts.ts";
export * from "./access-reports.ts";
