import { procedureFor, router } from "../../trpc";

export const purposesRouter = router({
  /** Purposes for filters and pickers, named in the staff user's language. */
  options: procedureFor("staff").query(({ ctx }) =>
    ctx.db
      .selectFrom("purpose as p")
      .leftJoin("purposeVersion as v", (join) =>
        join
          .onRef("v.purposeId", "=", "p.id")
          .onRef("v.version", "=", "p.currentVersion")
          .on("v.language", "=", ctx.user.locale),
      )
      .select(["p.id", "p.key", "v.name", "p.active", "p.defaultLegalBasis"])
      .orderBy("p.key")
      .execute(),
  ),
});
