import { z } from "zod";
import { procedureFor, router } from "../../trpc";

export const meRouter = router({
  /** The staff user's language for the whole portal. */
  setLocale: procedureFor("staff")
    .input(z.object({ locale: z.enum(["de", "en"]) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db
        .updateTable("staffUser")
        .set({ locale: input.locale, updatedAt: ctx.now() })
        .where("id", "=", ctx.user.id)
        .execute();
      return { locale: input.locale };
    }),
});
