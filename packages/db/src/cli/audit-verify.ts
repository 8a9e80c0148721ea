import { verifyAuditChain } from "../audit/verify-audit.ts";
import { createDatabase } from "../create-database.ts";
import { databaseOptionsFromEnv, targetFromEnv } from "./cli-env.ts";

// `npm run audit:verify`: recomputes the hash chain and checks it against the signed checkpoints;
// exit code 1 names the first broken event or the checkpoint the chain no longer leads to.
const explain = {
  hash_mismatch: "the event's fields no longer give its stored hash (edited in place)",
  chain_broken: "the event does not point to its predecessor (events inserted, removed or reordered)",
  checkpoint_signature_invalid: "a checkpoint's signature does not verify (forged or edited checkpoint row)",
  checkpoint_hash_mismatch: "the event a signed checkpoint names has another hash now (chain rewritten)",
  checkpoint_count_mismatch: "the chain up to a signed checkpoint holds another number of events",
  checkpoint_event_missing: "the chain ends before the event a signed checkpoint names (chain cut short)",
} as const;

const handle = await createDatabase(targetFromEnv(), databaseOptionsFromEnv());
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    const anchor = result.lastCheckpoint
      ? `; leads through ${result.checkpoints} signed checkpoint(s), the latest #${result.lastCheckpoint.id} of ${result.lastCheckpoint.createdAt.toISOString()}`
      : "; no checkpoint yet (npm run audit:checkpoint)";
    console.info(`audit trail intact: ${result.events} events verified${anchor}`);
  } else {
    const where = result.checkpointId
      ? `checkpoint #${result.checkpointId} (event ${result.brokenAt})`
      : `event ${result.brokenAt}`;
    console.error(`audit trail BROKEN at ${where}: ${result.problem}: ${explain[result.problem]}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
