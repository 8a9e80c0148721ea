import "server-only";
import type { Database } from "@purposeful/db";
import { roleAtLeast, type StaffRole } from "@purposeful/domain";
import { getDb } from "./db";
import { readStaffSession, type SignedInStaff } from "./session";

/** What a guarded route handler receives besides the request. */
export interface StaffRouteContext<P> extends SignedInStaff {
  db: Database;
  params: P;
}

type Params = Record<string, string | string[] | undefined>;
export type RouteHandler<P extends Params> = (
  request: Request,
  context?: { params: Promise<P> },
) => Promise<Response>;

const declaredRoles = new WeakMap<object, StaffRole>();

const refusals = {
  unauthorized: { de: "Bitte melden Sie sich an.", en: "Please sign in." },
  kiosk: {
    de: "Im Kiosk-Modus ist nur die Unterschrift möglich.",
    en: "Kiosk mode allows signatures only.",
  },
  forbidden: { de: "Dafür fehlt Ihnen die Berechtigung.", en: "You are not allowed to do this." },
  passwordChange: {
    de: "Bitte ändern Sie zuerst Ihr Einmal-Passwort.",
    en: "Please change your one-time password first.",
  },
};

/**
 * A route handler for signed-in staff of `role` and above, like `procedureFor(role)`: anonymous
 * callers get 401, kiosk-scoped sessions and lower roles 403, before the body is read. The role is
 * recorded so that `api-routes.int.test.ts` can prove every route under app/api declares one.
 */
export function staffRoute<P extends Params = Params>(
  role: StaffRole,
  handler: (request: Request, context: StaffRouteContext<P>) => Promise<Response>,
): RouteHandler<P> {
  const guarded: RouteHandler<P> = async (request, context) => {
    const signedIn = await readStaffSession(request.headers);
    if (!signedIn)
      return Response.json({ code: "UNAUTHORIZED", error: refusals.unauthorized.de }, { status: 401 });
    const locale = signedIn.user.locale;
    if (signedIn.session.kiosk)
      return Response.json({ code: "KIOSK_SCOPE", error: refusals.kiosk[locale] }, { status: 403 });
    if (!roleAtLeast(signedIn.user.role, role))
      return Response.json({ code: "FORBIDDEN", error: refusals.forbidden[locale] }, { status: 403 });
    if (signedIn.user.mustChangePassword)
      return Response.json(
        { code: "PASSWORD_CHANGE_REQUIRED", error: refusals.passwordChange[locale] },
        { status: 403 },
      );
    return handler(request, { ...signedIn, db: await getDb(), params: ((await context?.params) ?? {}) as P });
  };
  declaredRoles.set(guarded, role);
  return guarded;
}

/** The role a route handler was declared with through `staffRoute`, if any. */
export function declaredRouteRole(handler: unknown): StaffRole | undefined {
  return typeof handler === "function" ? declaredRoles.get(handler) : undefined;
}
