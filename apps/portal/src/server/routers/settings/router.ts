import { getCompanySettings, updateCompanySettings } from "@purposeful/db";
import { env } from "../../../env";
import { procedureFor, router } from "../../trpc";
import { companySettingsInput } from "./company.schema";

// http://localhost notice pages are fine on a laptop, never in production.
const input = companySettingsInput({ allowLocalhost: env.NODE_ENV !== "production" });

export const settingsRouter = router({
  company: procedureFor("admin").query(({ ctx }) => getCompanySettings(ctx.db)),

  /** The controller named on every microsite page and in every mail; each change is audited. */
  updateCompany: procedureFor("admin")
    .input(input)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) => updateCompanySettings(trx, input, { staffUserId: ctx.user.id, at: ctx.now() })),
    ),
});
