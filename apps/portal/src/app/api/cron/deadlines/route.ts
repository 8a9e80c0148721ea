import { sendDueReminders } from "@purposeful/db";
import { rejectUnlessCron } from "../../../../server/cron-auth";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";

// Every 15 minutes: the reminders packages/domain says are due for open requests (days before the
// due date, the DPO on the last working day, DPO and admins once overdue; Art. 12(3)), incidents
// not notified to the authority (24, 48, 66 hours, then overdue; Art. 33(1)) and overdue
// follow-ups, each sent once (`case_reminder`'s unique key), through the outbox, audited. Safe to
// run concurrently: of two runners only one records a key and mails it.
export const dynamic = "force-dynamic";

async function run(request: Request): Promise<Response> {
  const rejected = rejectUnlessCron(request);
  if (rejected) return rejected;
  try {
    const summary = await sendDueReminders(await getDb(), new Date());
    if (summary.sent > 0) logger.info({ job: "deadlines", ...summary }, "deadline reminders sent");
    if (summary.unaddressed > 0)
      logger.warn({ job: "deadlines", ...summary }, "deadline reminders without recipient");
    return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error({ job: "deadlines", err: loggableError(error) }, "deadline reminders failed");
    return Response.json({ error: "deadlines_failed" }, { status: 500 });
  }
}

export const GET = run;
export const POST = run;
