import type { Database } from "@purposeful/db";
import { roleAtLeast, type StaffRole } from "@purposeful/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { errorMessage, toTRPCError, UserFacingError } from "./errors";
import type { StaffSessionScope, StaffUser } from "./session";

export interface Context {
  db: Database;
  user: StaffUser | null;
  /** The session the request runs on; absent only where no session exists (tests, scripts). */
  session?: StaffSessionScope | null;
  now: () => Date;
}

/** Every procedure declares who may call it; the role-enumeration test reads this. */
export interface Meta {
  role: StaffRole;
  /** Whether a kiosk-scoped session (the signature tablet) may call it; default no. */
  kiosk?: boolean;
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
 * read. A kiosk-scoped session is refused unless the procedure is declared `{ kiosk: true }`; a user
 * who signed in with a one-time password can call nothing but its change.
 */
export function procedureFor(
  role: StaffRole,
  options: { kiosk?: boolean; whilePasswordChangeRequired?: true } = {},
) {
  const kiosk = options.kiosk === true;
  return t.procedure
    .meta({
      role,
      kiosk,
      ...(options.whilePasswordChangeRequired ? { whilePasswordChangeRequired: true } : {}),
    })
    .use(mapDomainErrors)
    .use(({ ctx, meta, next }) => {
      if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED" });
      if (ctx.session?.kiosk && !kiosk) throw new UserFacingError("FORBIDDEN", "kiosk_scope");
      if (!roleAtLeast(ctx.user.role, role)) throw new TRPCError({ code: "FORBIDDEN" });
      if (ctx.user.mustChangePassword && !meta?.whilePasswordChangeRequired)
        throw new UserFacingError("FORBIDDEN", "password_change_required");
      return next({ ctx: { ...ctx, user: ctx.user } });
    });
}
