import {
  assignableStaff,
  completeFollowUp,
  countMyDueFollowUps,
  createFollowUp,
  type FollowUpAbout,
  myFollowUps,
  postponeFollowUp,
} from "@purposeful/db";
import { procedureFor, router } from "../../trpc";
import { createFollowUpInput, followUpIdInput, postponeFollowUpInput } from "./follow-ups.schema";

/**
 * Follow-ups (Wiedervorlagen, issue 11 #7): any staff member sets one on a request, an incident or
 * a person for any active colleague; its assignee, its creator, the DPO and admins finish or
 * postpone it (packages/domain decides). Each change is one transaction with its audit event.
 */
export const followUpsRouter = router({
  create: procedureFor("staff")
    .input(createFollowUpInput)
    .mutation(({ ctx, input }) => {
      const { requestId, incidentId, personId, ...rest } = input;
      const about = (requestId ? { requestId } : incidentId ? { incidentId } : { personId }) as FollowUpAbout;
      return ctx.db
        .transaction()
        .execute((trx) =>
          createFollowUp(trx, { ...rest, about }, { staffUserId: ctx.user.id, at: ctx.now() }),
        );
    }),

  /** The caller's open follow-ups, earliest due first. */
  mine: procedureFor("staff").query(({ ctx }) => myFollowUps(ctx.db, ctx.user.id, ctx.now())),

  /** How many of the caller's are due today or overdue: the header's badge. */
  count: procedureFor("staff").query(({ ctx }) => countMyDueFollowUps(ctx.db, ctx.user.id, ctx.now())),

  /** Whom a follow-up can be assigned to, and who asks (the form's default). */
  assignees: procedureFor("staff").query(async ({ ctx }) => ({
    me: ctx.user.id,
    staff: await assignableStaff(ctx.db),
  })),

  done: procedureFor("staff")
    .input(followUpIdInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          completeFollowUp(trx, input, { staffUserId: ctx.user.id, role: ctx.user.role, at: ctx.now() }),
        ),
    ),

  postpone: procedureFor("staff")
    .input(postponeFollowUpInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          postponeFollowUp(trx, input, { staffUserId: ctx.user.id, role: ctx.user.role, at: ctx.now() }),
        ),
    ),
});
