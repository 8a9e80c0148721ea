import {
  auditKioskEvent,
  createPersonRecord,
  findPersonByExactEmail,
  findSuppressedAddresses,
  type KioskAction,
  resetAttempts,
  setSessionKiosk,
  staffPasswordHash,
  takeAttempt,
} from "@purposeful/db";
import { verifyPassword } from "better-auth/crypto";
import { suppressionSecret } from "../../../env";
import { UserFacingError } from "../../errors";
import type { Context } from "../../trpc";
import { procedureFor, router } from "../../trpc";
import { createKioskPersonInput, findPersonInput, kioskExitLimit, leaveKioskInput } from "./kiosk.schema";

/** The signature tablet's own procedures; with signature.* the only ones a kiosk session may call. */
const kioskProcedure = procedureFor("staff", { kiosk: true });

function currentSession(ctx: Pick<Context, "session">) {
  if (!ctx.session) throw new UserFacingError("PRECONDITION_FAILED", "kiosk_no_session");
  return ctx.session;
}

function auditKiosk(ctx: Context & { user: { id: string } }, action: KioskAction) {
  return auditKioskEvent(ctx.db, { staffUserId: ctx.user.id, action, at: ctx.now() });
}

export const kioskRouter = router({
  /** Puts the caller's session into kiosk scope: from now on it reaches the signature tablet only. */
  enter: kioskProcedure.mutation(async ({ ctx }) => {
    const session = currentSession(ctx);
    if (!session.kiosk) {
      await setSessionKiosk(ctx.db, session.id, true);
      await auditKiosk(ctx, "kiosk.entered");
    }
    return { kiosk: true };
  }),

  /**
   * Leaves kiosk scope after the staff user's own password; a wrong one changes nothing. Each
   * attempt takes one of `kioskExitLimit.max` per window, so a visitor cannot guess on and on.
   */
  leave: kioskProcedure.input(leaveKioskInput).mutation(async ({ ctx, input }) => {
    const session = currentSession(ctx);
    const key = `kiosk-exit:${ctx.user.id}`;
    if (!(await takeAttempt(ctx.db, { key, ...kioskExitLimit, now: ctx.now() })))
      throw new UserFacingError("TOO_MANY_REQUESTS", "kiosk_too_many_attempts");
    const hash = await staffPasswordHash(ctx.db, ctx.user.id);
    if (!hash || !(await verifyPassword({ hash, password: input.password }))) {
      await auditKiosk(ctx, "kiosk.leave_refused");
      throw new UserFacingError("BAD_REQUEST", "kiosk_wrong_password");
    }
    await resetAttempts(ctx.db, key);
    await setSessionKiosk(ctx.db, session.id, false);
    await auditKiosk(ctx, "kiosk.left");
    return { kiosk: false };
  }),

  /** The one person with exactly this e-mail address, or null: no search that lists others. */
  findPerson: kioskProcedure
    .input(findPersonInput)
    .query(({ ctx, input }) => findPersonByExactEmail(ctx.db, input.email)),

  /**
   * Creates the visitor; an e-mail address someone already has is looked up instead. An address on
   * the suppression list is refused without saying why (the tablet faces the visitor); only a dpo
   * can use it anyway, from the person form.
   */
  createPerson: kioskProcedure.input(createKioskPersonInput).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      if (input.email && (await findPersonByExactEmail(trx, input.email)))
        throw new UserFacingError("CONFLICT", "kiosk_email_known");
      const secret = suppressionSecret();
      if (input.email && (await findSuppressedAddresses(trx, secret, [input.email])).length > 0)
        throw new UserFacingError("CONFLICT", "kiosk_email_suppressed");
      // A visitor at the counter is a consumer (UWG §7(2)); staff can change it on the person page.
      const person = { ...input, partyType: "consumer" as const };
      // No override on the tablet: nobody there decides for the DPO.
      const guard = { secret, role: null, override: false };
      const id = await createPersonRecord(trx, person, { type: "staff", id: ctx.user.id }, ctx.now(), guard);
      return { id, firstName: input.firstName, lastName: input.lastName };
    }),
  ),
});
