import {
  assignableStaff,
  assignRequestCase,
  caseItems,
  caseRecord,
  casesOfPerson,
  completeRequestStep,
  createRequestCase,
  extendRequestCase,
  linkCaseItem,
  listRequestCases,
  personsWithEmail,
  requestCase,
  verifyRequestIdentity,
} from "@purposeful/db";
import { roleAtLeast } from "@purposeful/domain";
import { sendExtensionNotice, sendRequestAnswer } from "@purposeful/emails";
import { parseEml } from "../../evidence/parse-eml";
import { procedureFor, router } from "../../trpc";
import {
  answerInput,
  assignInput,
  completeStepInput,
  createRequestInput,
  extendInput,
  extensionNoticeInput,
  linkRequestItemInput,
  listRequestsInput,
  parseEmailInput,
  personCasesInput,
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
  /** Open (or closed) cases, the nearest deadline first. */
  list: procedureFor("staff")
    .input(listRequestsInput)
    .query(({ ctx, input }) => listRequestCases(ctx.db, { state: input.state, now: ctx.now() })),

  /** The cases on a person's page: their requests, and for the DPO the breaches they are part of. */
  ofPerson: procedureFor("staff")
    .input(personCasesInput)
    .query(({ ctx, input }) =>
      casesOfPerson(ctx.db, {
        personId: input.personId,
        now: ctx.now(),
        withIncidents: roleAtLeast(ctx.user.role, "dpo"),
      }),
    ),

  /** Staff a case can be assigned to. */
  assignees: procedureFor("staff").query(({ ctx }) => assignableStaff(ctx.db)),

  /**
   * A request mail checked in (.eml): its sender, date and text prefill the new case, and the
   * persons with the sender's address are offered for linking. Nothing is stored yet.
   */
  parseEmail: procedureFor("staff")
    .input(parseEmailInput)
    .mutation(async ({ ctx, input }) => {
      const mail = await parseEml(Buffer.from(input.contentBase64, "base64"));
      const persons = mail.fromAddress ? await personsWithEmail(ctx.db, mail.fromAddress) : [];
      return { ...mail, persons };
    }),

  create: procedureFor("staff")
    .input(createRequestInput)
    .mutation(async ({ ctx, input }) => {
      const { email, ...request } = input;
      let checkedIn = null;
      if (email) {
        const content = Buffer.from(email.contentBase64, "base64");
        checkedIn = { fileName: email.fileName, content, metadata: { email: await parseEml(content) } };
      }
      return ctx.db
        .transaction()
        .execute((trx) =>
          createRequestCase(
            trx,
            { ...request, email: checkedIn },
            { staffUserId: ctx.user.id, at: ctx.now() },
          ),
        );
    }),

  get: procedureFor("staff")
    .input(requestIdInput)
    .query(({ ctx, input }) => requestCase(ctx.db, input.requestId, ctx.now())),

  /** The case page's persons, steps as done, documents and history. */
  record: procedureFor("staff")
    .input(requestIdInput)
    .query(({ ctx, input }) => caseRecord(ctx.db, { requestId: input.requestId })),

  /** Who works the case; the deadline reminders go to them. */
  assign: procedureFor("staff")
    .input(assignInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) => assignRequestCase(trx, input, { staffUserId: ctx.user.id, at: ctx.now() })),
    ),

  /** The activities and documents of the case's persons, to link to it. */
  items: procedureFor("staff")
    .input(requestIdInput)
    .query(({ ctx, input }) => caseItems(ctx.db, { requestId: input.requestId })),

  linkItem: procedureFor("staff")
    .input(linkRequestItemInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((trx) =>
        linkCaseItem(
          trx,
          {
            ref: { requestId: input.requestId },
            item: input.kind === "activity" ? { activityId: input.itemId } : { documentId: input.itemId },
          },
          { staffUserId: ctx.user.id, at: ctx.now() },
        ),
      ),
    ),

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

  /** Art. 12(3), (4): the answer to the requester, which completes "confirm to the person". */
  sendAnswer: procedureFor("staff")
    .input(answerInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          sendRequestAnswer(trx, { ...input, actorId: ctx.user.id, role: ctx.user.role, now: ctx.now() }),
        ),
    ),
});
