import "server-only";
import type { Database } from "@purposeful/db";
import { APIError, betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { env, requireEnv } from "../env";
import { getDb } from "./db";

function createAuth(db: Database) {
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
    session: { modelName: "staffSession", expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
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
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = await db
              .selectFrom("staffUser")
              .select("banned")
              .where("id", "=", session.userId)
              .executeTakeFirst();
            if (!user || user.banned) throw new APIError("FORBIDDEN", { message: "ACCOUNT_DEACTIVATED" });
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { purposefulAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.purposefulAuth ??= getDb().then(createAuth);
  return globalForAuth.purposefulAuth;
}
