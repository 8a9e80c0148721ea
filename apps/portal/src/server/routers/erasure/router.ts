import {
  type ErasureActor,
  erasePerson,
  listPersonErasures,
  markErasureRecipientsNotified,
  previewErasure,
  staffUserNames,
} from "@purposeful/db";
import type { StaffRole } from "@purposeful/domain";
import { suppressionSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import { erasePersonInput, erasureIdInput, erasurePreviewInput, personIdInput } from "./erasure.schema";

const actorOf = (user: { id: string; role: StaffRole }): ErasureActor => ({
  type: "staff",
  id: user.id,
  role: user.role,
});

/**
 * Erasure in three levels (issue 9). Which role may run which level is the domain's
 * `erasureRequiredRole`, enforced by `erasePerson` itself (`erasure_role_too_low`), so every caller
 * (this router, the retention job) is held to the same rule; the router only opens the door to staff.
 */
export const erasureRouter = router({
  /** What erasure at `level` would do now: each step with its count, kept and held items, recipients. */
  preview: procedureFor("staff")
    .input(erasurePreviewInput)
    .query(({ ctx, input }) => previewErasure(ctx.db, { ...input, now: ctx.now() })),

  /** Erases in one transaction with its audit event; refuses (and changes nothing) with a domain reason. */
  erase: procedureFor("staff")
    .input(erasePersonInput)
    .mutation(({ ctx, input }) =>
      erasePerson(ctx.db, {
        ...input,
        actor: actorOf(ctx.user),
        now: ctx.now(),
        suppressionSecret: suppressionSecret(),
      }),
    ),

  /** Art. 19 GDPR: the recipients of the erasure were told; recorded with who and when. */
  markRecipientsNotified: procedureFor("staff")
    .input(erasureIdInput)
    .mutation(({ ctx, input }) =>
      markErasureRecipientsNotified(ctx.db, { ...input, actor: actorOf(ctx.user), now: ctx.now() }),
    ),

  /** The person's erasures, newest first, with who ran them. */
  history: procedureFor("staff")
    .input(personIdInput)
    .query(async ({ ctx, input }) => {
      const erasures = await listPersonErasures(ctx.db, input.personId);
      const names = await staffUserNames(
        ctx.db,
        erasures.flatMap((erasure) => (erasure.actorId ? [erasure.actorId] : [])),
      );
      return erasures.map((erasure) => ({
        ...erasure,
        actorName: erasure.actorId ? (names.get(erasure.actorId) ?? null) : null,
      }));
    }),
});
