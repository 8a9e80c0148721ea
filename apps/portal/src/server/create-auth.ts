import { type Database, isActiveStaffUser } from "@purposeful/db";
import { APIError, betterAuth } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { env, requireEnv } from "../env";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

/** The better-auth endpoints a kiosk-scoped session may reach. */
const kioskAuthPaths = new Set(["/get-session", "/sign-out", "/sign-in/email", "/ok", "/error"]);

/** The better-auth instance over `db` (separate from auth.ts so that tests can build one). */
export function createAuth(db: Database) {
  return betterAuth({
    appName: "Purposeful",
    baseURL: env.PORTAL_URL,
    secret:
      env.NODE_ENV === "production"
        ? requireEnv("BETTER_AUTH_SECRET")
        : (env.BETTER_AUTH_SECRET ?? "dev-only-secret-dev-only-secret-32"),
    // Staff tables carry a staff_ prefix; the CamelCasePlugin maps better-auth's names to columns.
    database: { db, type: "postgres" },
    user: {
      modelName: "staffUser",
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "staff" },
        locale: { type: "string", input: false, defaultValue: "de" },
        banned: { type: "boolean", input: false, defaultValue: false },
        mustChangePassword: { type: "boolean", input: false, defaultValue: false },
      },
    },
    session: {
      modelName: "staffSession",
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 60,
      // Set by `kiosk.enter` / `kiosk.leave` only, never by a client.
      additionalFields: { kiosk: { type: "boolean", input: false, defaultValue: false, required: false } },
    },
    account: { modelName: "staffAccount" },
    verification: { modelName: "staffVerification" },
    // Staff accounts are created by an admin, never by sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12 },
    // Per client IP, in the database so that every instance shares the count.
    rateLimit: {
      enabled: env.AUTH_RATE_LIMIT === "on",
      storage: "database",
      modelName: "staffRateLimit",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    hooks: {
      // A kiosk session reads itself and signs out; every other account endpoint (update-user,
      // change-password, list-sessions, revoke-session, …) is closed to it.
      before: createAuthMiddleware(async (ctx) => {
        if (kioskAuthPaths.has(ctx.path)) return;
        const current = await getSessionFromCtx(ctx, { disableRefresh: true });
        if (current?.session.kiosk === true) throw new APIError("FORBIDDEN", { message: "KIOSK_SCOPE" });
      }),
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            if (!(await isActiveStaffUser(db, session.userId)))
              throw new APIError("FORBIDDEN", { message: "ACCOUNT_DEACTIVATED" });
          },
        },
      },
    },
    // The address comes only from the header the auth route sets (client-address.ts), never from a
    // client's X-Forwarded-For.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    plugins: [nextCookies()],
  });
}
