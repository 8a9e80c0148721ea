import {
  createStaffAccount,
  listStaffUsers,
  type StaffChangeRefusal,
  setStaffActive,
  setStaffRole,
} from "@purposeful/db";
import { TRPCError } from "@trpc/server";
import { hashPassword } from "better-auth/crypto";
import { UserFacingError } from "../../errors";
import { procedureFor, router } from "../../trpc";
import { createStaffUserInput, setActiveInput, setRoleInput } from "./staff.schema";

function refuse(reason: StaffChangeRefusal): never {
  if (reason === "not_found") throw new TRPCError({ code: "NOT_FOUND" });
  throw new UserFacingError("PRECONDITION_FAILED", "last_admin");
}

export const staffRouter = router({
  list: procedureFor("admin").query(({ ctx }) => listStaffUsers(ctx.db)),

  create: procedureFor("admin")
    .input(createStaffUserInput)
    .mutation(async ({ ctx, input }) => {
      const { password, ...user } = input;
      const passwordHash = await hashPassword(password);
      const result = await ctx.db.transaction().execute((trx) =>
        createStaffAccount(trx, {
          ...user,
          passwordHash,
          actor: { type: "staff", id: ctx.user.id },
          at: ctx.now(),
        }),
      );
      if (!result.ok) throw new UserFacingError("CONFLICT", "email_taken");
      return { id: result.id };
    }),

  /** The last active admin cannot be demoted. */
  setRole: procedureFor("admin")
    .input(setRoleInput)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db
        .transaction()
        .execute((trx) =>
          setStaffRole(trx, { ...input, actor: { type: "staff", id: ctx.user.id }, at: ctx.now() }),
        );
      if (!result.ok) refuse(result.reason);
      return { id: result.id, role: result.role };
    }),

  /** Deactivating signs the user out everywhere at once; their history stays attributed to them. */
  setActive: procedureFor("admin")
    .input(setActiveInput)
    .mutation(async ({ ctx, input }) => {
      if (!input.active && input.userId === ctx.user.id)
        throw new UserFacingError("PRECONDITION_FAILED", "self_deactivation");
      const result = await ctx.db
        .transaction()
        .execute((trx) =>
          setStaffActive(trx, { ...input, actor: { type: "staff", id: ctx.user.id }, at: ctx.now() }),
        );
      if (!result.ok) refuse(result.reason);
      return { id: result.id, active: result.active };
    }),
});
