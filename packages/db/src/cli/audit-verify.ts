import { verifyAuditChain } from "../audit/verify-audit.ts";
import { createDatabase } from "../create-database.ts";
import { targetFromEnv } from "./cli-env.ts";

// `npm run audit:verify`: recomputes the hash chain; exit code 1 names the first broken event.
const handle = await createDatabase(targetFromEnv());
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.info(`audit trail intact: ${result.events} events verified`);
  } else {
    console.error(
      `audit trail BROKEN at event ${result.brokenAt} (${result.problem}); ${result.events - 1} events before it verified`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
