// What another package's bench (packages/emails: the access report) shares with this one.
export { printTable, type Row } from "./bench-table.ts";
export { formatMs, repeat, type Stats, summarize, timeOnce } from "./measure.ts";
