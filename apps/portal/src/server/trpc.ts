import type { Database } from "@purposeful/db";
import { roleAtLeast, type StaffRole } from "@purposeful/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { errorMessage, toTRPCError, UserFacingError } from "./errors";
import type { StaffUser } from "./session";

export interface Context {
  db: Database;
  user: StaffUser | null;
  now: () => Date;
}

/** Every procedure declares who may call it; the role-enumeration test reads this. */
export interface Meta {
  role: StaffRole;
  /** the one procedure a user with a one-time password may call: changing it */
  whilePasswordChangeRequired?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const locale = ctx?.user?.locale ?? "de";
      const fieldErrors = error.cause instanceof ZodError ? error.cause.flatten().fieldErrors : null;
      // Users see a message in their language, never a stack trace.
      return {
        ...shape,
        message: errorMessage(error, locale),
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fieldErrors },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

/**
 * A procedure for `role` and above (staff < marketing < dpo < admin); checked before the input is
 * read. A user who signed in with a one-time password can call nothing until it is changed.
 */
export function procedureFor(role: StaffRole, options: { whilePasswordChangeRequired?: true } = {}) {
  return t.procedure
    .meta({ role, ...options })
    .use(mapDomainErrors)
    .use(({ ctx, meta, next }) => {
      if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED" });
      if (!roleAtLeast(ctx.user.role, role)) throw new TRPCError({ code: "FORBIDDEN" });
      if (ctx.user.mustChangePassword && !meta?.whilePasswordChangeRequired)
        throw new UserFacingError("FORBIDDEN", "password_change_required");
      return next({ ctx: { ...ctx, user: ctx.user } });
    });
}
