import {
  completeRequestStep,
  createRequestCase,
  extendRequestCase,
  requestCase,
  verifyRequestIdentity,
} from "@purposeful/db";
import { sendExtensionNotice } from "@purposeful/emails";
import { procedureFor, router } from "../../trpc";
import {
  completeStepInput,
  createRequestInput,
  extendInput,
  extensionNoticeInput,
  requestIdInput,
  verifyIdentityInput,
} from "./requests.schema";

/**
 * Data-subject request cases (issue 11): any staff member may record a request and work its steps
 * as far as their role allows (the domain says which steps are the DPO's); each change is one
 * transaction with its audit events. The rules — due dates, order, identity before disclosure,
 * extension — are packages/domain's.
 */
export const requestsRouter = router({
  create: procedureFor("staff")
    .input(createRequestInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) => createRequestCase(trx, input, { staffUserId: ctx.user.id, at: ctx.now() })),
    ),

  get: procedureFor("staff")
    .input(requestIdInput)
    .query(({ ctx, input }) => requestCase(ctx.db, input.requestId, ctx.now())),

  verifyIdentity: procedureFor("staff")
    .input(verifyIdentityInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) => verifyRequestIdentity(trx, input, { staffUserId: ctx.user.id, at: ctx.now() })),
    ),

  completeStep: procedureFor("staff")
    .input(completeStepInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          completeRequestStep(trx, input, { staffUserId: ctx.user.id, role: ctx.user.role, at: ctx.now() }),
        ),
    ),

  /** Art. 12(3): the DPO decides an extension; the person is told within the first month. */
  extend: procedureFor("dpo")
    .input(extendInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) => extendRequestCase(trx, input, { staffUserId: ctx.user.id, at: ctx.now() })),
    ),

  /** Art. 12(3) sentence 3: tells the requester of the extension, its reason and the new due date. */
  sendExtensionNotice: procedureFor("dpo")
    .input(extensionNoticeInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          sendExtensionNotice(trx, { ...input, actorId: ctx.user.id, role: ctx.user.role, now: ctx.now() }),
        ),
    ),
});
