export * from "./csv-table.ts";
export * from "./list-campaign.ts";
export * from "./list-import.ts";
export * from "./list-members.ts";
export * from "./marketing-lists.ts";
export * from "./suppression.ts";
