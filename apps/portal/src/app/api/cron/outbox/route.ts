import { createResendTransport, type DispatchSummary, dispatchOutbox } from "@purposeful/emails";
import { env, linkSecret } from "../../../../env";
import { rejectUnlessCron } from "../../../../server/cron-auth";
import { getDb } from "../../../../server/db";
import { loggableError, logger } from "../../../../server/logger";

// Called by a scheduler (vercel.json crons use GET, the local launcher POSTs) with
// `Authorization: Bearer ${CRON_SECRET}`. Idempotent and safe to run concurrently: claims take row
// locks (FOR UPDATE SKIP LOCKED) and leases, so parallel calls split the work.
export const dynamic = "force-dynamic";

const BATCH_SIZE = 50;
const MAX_ROUNDS = 20;
const TIME_BUDGET_MS = 20_000;

async function run(request: Request): Promise<Response> {
  const rejected = rejectUnlessCron(request);
  if (rejected) return rejected;

  // Without an API key, mails are captured (kept and shown on the outbox page), never dropped.
  const transport = env.RESEND_API_KEY
    ? createResendTransport({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL })
    : null;
  const total: DispatchSummary & { rounds: number; mode: "resend" | "capture" } = {
    mode: transport ? "resend" : "capture",
    rounds: 0,
    claimed: 0,
    sent: 0,
    captured: 0,
    failed: 0,
    dead: 0,
    deferred: 0,
    cancelled: 0,
  };
  const started = Date.now();
  try {
    const db = await getDb();
    // Full batches mean more is due: keep going within the time budget.
    while (total.rounds < MAX_ROUNDS && Date.now() - started < TIME_BUDGET_MS) {
      const round = await dispatchOutbox(db, {
        transport,
        now: () => new Date(),
        from: env.EMAIL_FROM,
        // Only a provider needs the tokens; captured mails keep their placeholders.
        linkSecret: transport ? linkSecret() : undefined,
        micrositeUrl: env.MICROSITE_URL,
        portalUrl: env.PORTAL_URL,
        batchSize: BATCH_SIZE,
      });
      total.rounds++;
      for (const key of ["claimed", "sent", "captured", "failed", "dead", "deferred", "cancelled"] as const)
        total[key] += round[key];
      if (round.claimed < BATCH_SIZE) break;
    }
  } catch (error) {
    logger.error({ job: "outbox", err: loggableError(error) }, "outbox dispatch failed");
    return Response.json({ error: "dispatch_failed", ...total }, { status: 500 });
  }
  if (total.claimed > 0) logger.info({ job: "outbox", ...total }, "outbox dispatched");
  return Response.json(total, { headers: { "Cache-Control": "no-store" } });
}

export const GET = run;
export const POST = run;
