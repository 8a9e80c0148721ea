import {
  createPurposeEntry,
  getPurpose,
  latestBulkJob,
  listPurposes,
  purposeLightsJob,
  purposeOptions,
  updatePurposeEntry,
} from "@purposeful/db";
import { legalBasisArticle } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { toTRPCError } from "../../errors";
import { procedureFor, router } from "../../trpc";
import { createPurposeInput, purposeIdInput, updatePurposeInput } from "./purposes.schema";

/** Repository refusals keep their code and get their reason's message (one map, `errors.ts`). */
function explain(error: unknown): never {
  throw toTRPCError(error);
}

export const purposesRouter = router({
  /** Purposes for filters and pickers, named in the staff user's language. */
  options: procedureFor("staff").query(({ ctx }) => purposeOptions(ctx.db, ctx.user.locale)),

  /** The catalogue in the staff user's language. */
  list: procedureFor("staff").query(async ({ ctx }) => {
    const rows = await listPurposes(ctx.db, ctx.user.locale);
    return rows.map((row) => ({ ...row, legalBasisArticle: legalBasisArticle[row.defaultLegalBasis] }));
  }),

  /** One purpose with every version of its texts. */
  get: procedureFor("staff")
    .input(purposeIdInput)
    .query(async ({ ctx, input }) => {
      const purpose = await getPurpose(ctx.db, input.purposeId);
      if (!purpose) throw new TRPCError({ code: "NOT_FOUND" });
      return { ...purpose, legalBasisArticle: legalBasisArticle[purpose.defaultLegalBasis] };
    }),

  /** The newest light refresh of the purpose's holders (queued by a material change), or null. */
  lightsJob: procedureFor("staff")
    .input(purposeIdInput)
    .query(({ ctx, input }) => latestBulkJob(ctx.db, purposeLightsJob, input.purposeId)),

  create: procedureFor("dpo")
    .input(createPurposeInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) => createPurposeEntry(trx, input, { type: "staff", id: ctx.user.id }, ctx.now()))
        .catch(explain),
    ),

  /**
   * Text changes add a version; a material change (a widened scope, or a text marked material)
   * invalidates consents to older ones and queues the holders' light refresh. The key never changes.
   */
  update: procedureFor("dpo")
    .input(updatePurposeInput)
    .mutation(({ ctx, input }) => {
      const { purposeId, ...changes } = input;
      return ctx.db
        .transaction()
        .execute((trx) =>
          updatePurposeEntry(trx, purposeId, changes, { type: "staff", id: ctx.user.id }, ctx.now()),
        )
        .catch(explain);
    }),
});
