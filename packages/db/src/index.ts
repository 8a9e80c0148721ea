export * from "./access/index.ts";
export * from "./audit/index.ts";
export * from "./campaigns/index.ts";
export * from "./cases/breach-notice-job.ts";
export * from "./cases/case-links.ts";
export * from "./cases/case-lists.ts";
export * from "./cases/case-record.ts";
export * from "./cases/extension-notice.ts";
export * from "./cases/follow-ups.ts";
export * from "./cases/incident-persons.ts";
export * from "./cases/incident-report.ts";
export * from "./cases/incidents.ts";
export * from "./cases/microsite-requests.ts";
export * from "./cases/reminders.ts";
export * from "./cases/request-answer.ts";
export * from "./cases/request-case-view.ts";
export * from "./cases/request-cases.ts";
export * from "./cases/subjects-notification.ts";
export * from "./consent/index.ts";
export {
  createDatabase,
  createKysely,
  createPgPool,
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  type DatabaseTarget,
  openPglite,
} from "./create-database.ts";
export * from "./dashboard/dashboard.ts";
export * from "./erasure/index.ts";
export * from "./jobs/index.ts";
export * from "./lists/index.ts";
export * from "./microsite/index.ts";
export { migrateToLatest } from "./migrate.ts";
export * from "./outbox/index.ts";
export * from "./repositories/kiosk.ts";
export * from "./repositories/organizations.ts";
export * from "./repositories/person-admissibility.ts";
export * from "./repositories/person-detail.ts";
export * from "./repositories/person-privacy.ts";
export * from "./repositories/persons-edit.ts";
export * from "./repositories/persons-list.ts";
export * from "./repositories/persons-write.ts";
export * from "./repositories/purpose-texts.ts";
export * from "./repositories/purposes.ts";
export * from "./repositories/record-options.ts";
export * from "./repositories/record-validity.ts";
export * from "./repositories/retention-classes.ts";
export * from "./repositories/settings.ts";
export * from "./repositories/staff-accounts.ts";
export * from "./repositories/staff-users.ts";
export * from "./repositories/suppression-check.ts";
export * from "./repositories/traffic-lights.ts";
export * from "./retention/index.ts";
export type { DB } from "./tables/generated.ts";
