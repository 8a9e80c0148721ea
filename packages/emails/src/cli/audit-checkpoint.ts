import { createDatabase, migrateToLatest } from "@purposeful/db";
import { databaseOptionsFromEnv, portalUrlFromEnv, targetFromEnv } from "@purposeful/db/cli-env";
import { createAuditCheckpoint } from "../flows/audit-checkpoint.ts";

// `npm run audit:checkpoint`: signs the head of the audit chain now and mails it to the DPO, as the
// daily scheduled route does. It lives here, not in packages/db, because it renders the mail.
const handle = await createDatabase(targetFromEnv(), databaseOptionsFromEnv());
try {
  await migrateToLatest(handle.db);
  const summary = await createAuditCheckpoint(handle.db, { now: new Date(), portalUrl: portalUrlFromEnv() });
  console.info(
    `audit checkpoint #${summary.checkpointId}: ${summary.eventCount} events, last event ${summary.lastEventId} (${summary.lastHash}); ${summary.mailedTo ? `mailed to ${summary.mailedTo} through the outbox` : "no DPO address in the company settings, not mailed"}`,
  );
} finally {
  await handle.close();
}
