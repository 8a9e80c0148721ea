import {
  listAuditActions,
  listAuditActors,
  listAuditEvents,
  listAuditTrail,
  PERSONAL_ERASED,
  verifyAuditChain,
} from "@purposeful/db";
import { procedureFor, router } from "../../trpc";
import { listAuditInput, personHistoryInput } from "./audit.schema";

export const auditRouter = router({
  /** The whole trail, newest first, by keyset; personal values decrypted unless shredded. */
  list: procedureFor("dpo")
    .input(listAuditInput)
    .query(({ ctx, input }) => listAuditTrail(ctx.db, input)),

  /**
   * One person's history for their page: who changed what, when, how, with which evidence.
   * Personal values (old names, notes) stay out; the page shows the current ones. `erased` marks
   * events whose personal values were crypto-shredded or, written after the shredding, left out.
   */
  personHistory: procedureFor("staff")
    .input(personHistoryInput)
    .query(async ({ ctx, input }) => {
      const page = await listAuditEvents(ctx.db, input);
      return {
        rows: page.rows.map(({ personal, ...row }) => ({
          ...row,
          erased: personal === "shredded" || asErased(row.changes),
        })),
        nextBeforeId: page.nextBeforeId,
      };
    }),

  /** Recomputes the hash chain from the first event and names the first one that does not fit. */
  verify: procedureFor("dpo").query(({ ctx }) => verifyAuditChain(ctx.db)),

  /** The distinct actions, for the filter. */
  actions: procedureFor("dpo").query(({ ctx }) => listAuditActions(ctx.db)),

  /** Staff users (also deactivated ones: their events stay attributed to them), for the filter. */
  actors: procedureFor("dpo").query(({ ctx }) => listAuditActors(ctx.db)),
});

function asErased(changes: unknown): boolean {
  return (
    typeof changes === "object" &&
    changes !== null &&
    (changes as Record<string, unknown>)[PERSONAL_ERASED] === true
  );
}
