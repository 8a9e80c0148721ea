export * from "./access-report-facts.ts";
export * from "./access-reports.ts";
export * from "./compose-access-report.ts";
export * from "./portability.ts";
export * from "./portability-export.ts";
export * from "./portability-schema.ts";
export { type PortabilityCsvFile, portabilityCsvFiles } from "./portability-texts.ts";
export * from "./report-delivery.ts";
export * from "./report-templates.ts";
