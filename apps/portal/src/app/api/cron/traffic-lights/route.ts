import { recordLightSnapshot, refreshDueTrafficLights } from "@purposeful/db";
import { rejectUnlessCron } from "../../../../server/cron-auth";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";

// Stored lights change without a write when a consent or contract reaches its validity end: this
// job recomputes the persons whose `light_recheck_at` has passed. Idempotent: running it twice, or
// concurrently, computes the same lights.
export const dynamic = "force-dynamic";

const BATCH_SIZE = 1000;
const TIME_BUDGET_MS = 20_000;

async function run(request: Request): Promise<Response> {
  const rejected = rejectUnlessCron(request);
  if (rejected) return rejected;
  const started = Date.now();
  let refreshed = 0;
  let batches = 0;
  try {
    const db = await getDb();
    for (;;) {
      const count = await db
        .transaction()
        .execute((trx) => refreshDueTrafficLights(trx, new Date(), BATCH_SIZE));
      refreshed += count;
      batches++;
      if (count < BATCH_SIZE || Date.now() - started > TIME_BUDGET_MS) break;
    }
    // Once a day, after the lights are current: the dashboard's trend (issue 11 #9).
    await recordLightSnapshot(db, new Date());
  } catch (error) {
    logger.error({ job: "traffic-lights", err: loggableError(error) }, "traffic-light refresh failed");
    return Response.json({ error: "refresh_failed", refreshed, batches }, { status: 500 });
  }
  if (refreshed > 0) logger.info({ job: "traffic-lights", refreshed, batches }, "traffic lights refreshed");
  return Response.json(
    { refreshed, batches, more: Date.now() - started > TIME_BUDGET_MS },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const GET = run;
export const POST = run;
