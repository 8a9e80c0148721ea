import { changeStaffPassword, setStaffLocale } from "@purposeful/db";
import { z } from "zod";
import { UserFacingError } from "../../errors";
import { procedureFor, router } from "../../trpc";

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().max(128),
});

export const meRouter = router({
  /** The staff user's language for the whole portal. */
  setLocale: procedureFor("staff")
    .input(z.object({ locale: z.enum(["de", "en"]) }))
    .mutation(async ({ ctx, input }) => {
      await setStaffLocale(ctx.db, { userId: ctx.user.id, locale: input.locale, at: ctx.now() });
      return { locale: input.locale };
    }),

  /**
   * The own password, checked against the current one; the only procedure open while a one-time
   * password is unchanged. Ends every session of the user, so the client signs in again.
   */
  changePassword: procedureFor("staff", { whilePasswordChangeRequired: true })
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const result = await changeStaffPassword(ctx.db, { userId: ctx.user.id, ...input, now: ctx.now() });
      if (!result.ok) throw new UserFacingError("BAD_REQUEST", `password_${result.reason}`);
      return { changed: true };
    }),
});
