export { countSweepable, sweepableBatch } from "./due-persons.ts";
export {
  type HeldItemRow,
  type RetentionPersonRow,
  retentionListLimit,
  retentionOverview,
} from "./retention-overview.ts";
export { approveRetentionErasure, postponeRetention } from "./retention-review.ts";
export {
  getRetentionRun,
  listRetentionRuns,
  type RetentionRunView,
  type RetentionSweepParams,
  retentionPartitions,
  retentionSweepJob,
  startRetentionRun,
} from "./retention-runs.ts";
export { controllerToday, retentionDueSql } from "./retention-sql.ts";
export { type RetentionSummaryFacts, retentionSummaryTemplate } from "./retention-summary.ts";
export { type RetentionCounts, retentionBatchSize, retentionSweepHandler } from "./retention-sweep-job.ts";
