import { randomUUID } from "node:crypto";
import { type Database, listStaffUsers, recordAudit } from "@purposeful/db";
import { TRPCError } from "@trpc/server";
import { hashPassword } from "better-auth/crypto";
import { UserFacingError } from "../../errors";
import { procedureFor, router } from "../../trpc";
import { createStaffUserInput, setActiveInput, setRoleInput } from "./staff.schema";

/** Locks the active admins so two concurrent demotions cannot both pass the last-admin check. */
async function assertAnotherActiveAdmin(db: Database, userId: string): Promise<void> {
  const admins = await db
    .selectFrom("staffUser")
    .select("id")
    .where("role", "=", "admin")
    .where("banned", "=", false)
    .forUpdate()
    .execute();
  if (!admins.some((admin) => admin.id !== userId))
    throw new UserFacingError("PRECONDITION_FAILED", "last_admin");
}

export const staffRouter = router({
  list: procedureFor("admin").query(({ ctx }) => listStaffUsers(ctx.db)),

  create: procedureFor("admin")
    .input(createStaffUserInput)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      return ctx.db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom("staffUser")
          .select("id")
          .where("email", "=", input.email)
          .executeTakeFirst();
        if (taken) throw new UserFacingError("CONFLICT", "email_taken");
        const id = randomUUID();
        const now = ctx.now();
        await trx
          .insertInto("staffUser")
          .values({
            id,
            name: input.name,
            email: input.email,
            role: input.role,
            locale: input.locale,
            emailVerified: true,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
        await trx
          .insertInto("staffAccount")
          .values({
            id: randomUUID(),
            userId: id,
            accountId: id,
            providerId: "credential",
            password: passwordHash,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
        await recordAudit(trx, {
          actor: { type: "staff", id: ctx.user.id },
          action: "staff.created",
          entityType: "staff_user",
          entityId: id,
          changes: { role: input.role, locale: input.locale },
          at: now,
        });
        return { id };
      });
    }),

  setRole: procedureFor("admin")
    .input(setRoleInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const user = await trx
          .selectFrom("staffUser")
          .select(["id", "role"])
          .where("id", "=", input.userId)
          .forUpdate()
          .executeTakeFirst();
        if (!user) throw new TRPCError({ code: "NOT_FOUND" });
        if (user.role === "admin" && input.role !== "admin") await assertAnotherActiveAdmin(trx, user.id);
        await trx
          .updateTable("staffUser")
          .set({ role: input.role, updatedAt: ctx.now() })
          .where("id", "=", user.id)
          .execute();
        await recordAudit(trx, {
          actor: { type: "staff", id: ctx.user.id },
          action: "staff.role_changed",
          entityType: "staff_user",
          entityId: user.id,
          changes: { from: user.role, to: input.role },
          at: ctx.now(),
        });
        return { id: user.id, role: input.role };
      }),
    ),

  /** Deactivating signs the user out everywhere at once; their history stays attributed to them. */
  setActive: procedureFor("admin")
    .input(setActiveInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        if (!input.active && input.userId === ctx.user.id)
          throw new UserFacingError("PRECONDITION_FAILED", "self_deactivation");
        const user = await trx
          .selectFrom("staffUser")
          .select(["id", "role"])
          .where("id", "=", input.userId)
          .forUpdate()
          .executeTakeFirst();
        if (!user) throw new TRPCError({ code: "NOT_FOUND" });
        if (!input.active && user.role === "admin") await assertAnotherActiveAdmin(trx, user.id);
        await trx
          .updateTable("staffUser")
          .set({ banned: !input.active, updatedAt: ctx.now() })
          .where("id", "=", user.id)
          .execute();
        if (!input.active) await trx.deleteFrom("staffSession").where("userId", "=", user.id).execute();
        await recordAudit(trx, {
          actor: { type: "staff", id: ctx.user.id },
          action: input.active ? "staff.reactivated" : "staff.deactivated",
          entityType: "staff_user",
          entityId: user.id,
          at: ctx.now(),
        });
        return { id: user.id, active: input.active };
      }),
    ),
});
