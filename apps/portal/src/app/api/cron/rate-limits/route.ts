import { pruneRateLimits } from "@purposeful/db";
import { rejectUnlessCron } from "../../../../server/cron-auth";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";

// Drops the rate-limit rows of both apps (sign-in and microsite) whose windows ended long ago:
// they hold client addresses and are of no use once their window has passed. Idempotent.
export const dynamic = "force-dynamic";

/** Longer than the longest window in use (the microsite's new-link limit: one hour). */
const KEEP_SECONDS = 2 * 60 * 60;

async function run(request: Request): Promise<Response> {
  const rejected = rejectUnlessCron(request);
  if (rejected) return rejected;
  try {
    const db = await getDb();
    const pruned = await pruneRateLimits(db, { olderThanSeconds: KEEP_SECONDS, now: new Date() });
    if (pruned.microsite + pruned.staff > 0)
      logger.info({ job: "rate-limits", ...pruned }, "rate limits pruned");
    return Response.json(pruned, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error({ job: "rate-limits", err: loggableError(error) }, "rate-limit pruning failed");
    return Response.json({ error: "prune_failed" }, { status: 500 });
  }
}

export const GET = run;
export const POST = run;
