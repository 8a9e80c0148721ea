export * from "./access-report-facts.ts";
export * from "./access-reports.ts";
export * from "./compose-access-report.ts";
