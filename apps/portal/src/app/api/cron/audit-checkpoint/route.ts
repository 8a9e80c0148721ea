import { createAuditCheckpoint } from "@purposeful/emails";
import { env } from "../../../../env";
import { rejectUnlessCron } from "../../../../server/cron-auth";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";

// Once a day: signs the head of the audit chain (stored in audit_checkpoint) and mails it to the
// DPO through the outbox, so that a rewrite or a cut of the chain by someone with database access
// shows in `npm run audit:verify`. Running it again only adds another checkpoint; concurrent calls
// queue on the chain lock.
export const dynamic = "force-dynamic";

async function run(request: Request): Promise<Response> {
  const rejected = rejectUnlessCron(request);
  if (rejected) return rejected;
  try {
    const db = await getDb();
    const summary = await createAuditCheckpoint(db, { now: new Date(), portalUrl: env.PORTAL_URL });
    logger.info(
      { job: "audit-checkpoint", ...summary, mailedTo: summary.mailedTo !== null },
      "audit checkpoint",
    );
    return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error({ job: "audit-checkpoint", err: loggableError(error) }, "audit checkpoint failed");
    return Response.json({ error: "checkpoint_failed" }, { status: 500 });
  }
}

export const GET = run;
export const POST = run;
