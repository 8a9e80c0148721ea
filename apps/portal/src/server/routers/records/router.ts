import { applyStaffRecordEvent, changeDirectMarketingObjection, recordOptions } from "@purposeful/db";
import { sendDoubleOptInConfirmation } from "@purposeful/emails";
import { z } from "zod";
import { env, linkSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import { applyRecordEventInput, objectionInput } from "./records.schema";

export const recordsRouter = router({
  /** Purposes of a person with what may be recorded on each now, and their text versions. */
  options: procedureFor("staff")
    .input(z.object({ personId: z.uuid() }))
    .query(({ ctx, input }) => recordOptions(ctx.db, input.personId, ctx.user.locale)),

  /**
   * Records or lifts the person's objection to direct marketing (Art. 21(2),(3)) on channels, at any
   * time and also in advance; lifting needs the person's own later statement, stated in the note.
   */
  objection: procedureFor("staff")
    .input(objectionInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((trx) =>
        changeDirectMarketingObjection(trx, {
          personId: input.personId,
          add: input.add,
          lift: input.lift,
          source: input.source,
          note: input.note ?? null,
          actor: { type: "staff", id: ctx.user.id },
          at: ctx.now(),
        }),
      ),
    ),

  /** Records a consent, withdrawal, objection, contract start or end, with its source and evidence. */
  change: procedureFor("staff")
    .input(applyRecordEventInput)
    .mutation(async ({ ctx, input }) => {
      const at = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const result = await applyStaffRecordEvent(trx, { ...input, staffUserId: ctx.user.id, at });
        if (result.needsConfirmation) {
          await sendDoubleOptInConfirmation(trx, {
            personId: input.personId,
            purposeIds: [input.purposeId],
            micrositeUrl: env.MICROSITE_URL,
            linkSecret: linkSecret(),
            at,
          });
        }
        return result;
      });
    }),
});
