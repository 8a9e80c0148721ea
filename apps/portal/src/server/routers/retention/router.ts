import {
  approveRetentionErasure,
  controllerToday,
  listRetentionRuns,
  postponeRetention,
  retentionOverview,
  startRetentionRun,
} from "@purposeful/db";
import { suppressionSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import { postponeInput, reviewedPersonInput } from "./retention.schema";

// The Retention page (DPO and admin): who is due, who awaits review, what is held, the runs.
export const retentionRouter = router({
  overview: procedureFor("dpo").query(({ ctx }) => {
    const now = ctx.now();
    return retentionOverview(ctx.db, { now, today: controllerToday(now) });
  }),

  runs: procedureFor("dpo").query(({ ctx }) => listRetentionRuns(ctx.db)),

  /** Queues a dry run (counted by the jobs route within seconds; the page polls the runs). */
  dryRun: procedureFor("dpo").mutation(({ ctx }) =>
    startRetentionRun(ctx.db, { dryRun: true, now: ctx.now(), actor: { type: "staff", id: ctx.user.id } }),
  ),

  /** Erases a queued person at level 3 (the erasure engine checks the role again). */
  approve: procedureFor("dpo")
    .input(reviewedPersonInput)
    .mutation(({ ctx, input }) =>
      approveRetentionErasure(ctx.db, {
        personId: input.personId,
        actor: { id: ctx.user.id, role: ctx.user.role },
        now: ctx.now(),
        suppressionSecret: suppressionSecret(),
      }),
    ),

  /** Keeps a queued person until a later day, with a reason; the review ends. */
  postpone: procedureFor("dpo")
    .input(postponeInput)
    .mutation(({ ctx, input }) =>
      postponeRetention(ctx.db, {
        ...input,
        actor: { id: ctx.user.id, role: ctx.user.role },
        now: ctx.now(),
      }),
    ),
});
