import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

// 32 bytes as 64 hex digits or base64 / base64url (`openssl rand -base64 32`).
const auditKek = z
  .string()
  .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "AUDIT_KEK must be 32 bytes as hex or base64")
  .optional();

// The only place that reads process.env. Values needed at run time are optional here so that
// `next build` works without them; the code that needs one fails clearly when it is missing.
export const env = createEnv({
  server: {
    DATABASE_URL: z.string().min(1).optional(),
    // Wraps the per-person audit keys; required in production (checked below).
    AUDIT_KEK: auditKek,
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    PORTAL_URL: z.url().default("http://localhost:3000"),
    MICROSITE_URL: z.url().default("http://localhost:3001"),
    CRON_SECRET: z.string().min(16).optional(),
    // Who may set X-Forwarded-For: empty (nobody), a hop count, or CIDRs (see .env.example).
    TRUSTED_PROXIES: z.string().optional(),
    // Derives personal links' tokens at send time; the same value in both apps (see .env.example).
    LINK_SECRET: z.string().min(32).optional(),
    // Keys the HMAC of addresses on the suppression list (list imports compare against it).
    SUPPRESSION_SECRET: z.string().min(32).optional(),
    // Without an API key, mails are captured in the outbox (visible on the outbox page), not sent.
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().min(3).default("Purposeful <privacy@purposeful.example>"),
    // Off only for the end-to-end suite, which signs in many times from one address.
    AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  },
  shared: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  },
  client: {},
  runtimeEnv: {
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES,
    LINK_SECRET: process.env.LINK_SECRET,
    SUPPRESSION_SECRET: process.env.SUPPRESSION_SECRET,
    DATABASE_URL: process.env.DATABASE_URL,
    AUDIT_KEK: process.env.AUDIT_KEK,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET,
    PORTAL_URL: process.env.PORTAL_URL,
    MICROSITE_URL: process.env.MICROSITE_URL,
    CRON_SECRET: process.env.CRON_SECRET,
    RESEND_API_KEY: process.env.RESEND_API_KEY,
    RESEND_BASE_URL: process.env.RESEND_BASE_URL,
    EMAIL_FROM: process.env.EMAIL_FROM,
    AUTH_RATE_LIMIT: process.env.AUTH_RATE_LIMIT,
    LOG_LEVEL: process.env.LOG_LEVEL,
    NODE_ENV: process.env.NODE_ENV,
  },
  emptyStringAsUndefined: true,
});

/**
 * A production server refuses to run without the audit key-encryption key: instrumentation.ts
 * calls this when the server starts, and the database handle is never opened without it. Not at
 * import: `next build` (and next.config) load this module with NODE_ENV=production too.
 */
export function assertProductionSecrets(): void {
  if (env.NODE_ENV === "production" && !env.AUDIT_KEK)
    throw new Error("AUDIT_KEK is required in production (32 bytes, e.g. `openssl rand -base64 32`)");
}

export function requireEnv<K extends keyof typeof env>(key: K): NonNullable<(typeof env)[K]> {
  const value = env[key];
  if (value === undefined || value === null) throw new Error(`${String(key)} is not set`);
  return value as NonNullable<(typeof env)[K]>;
}

/**
 * LINK_SECRET derives the tokens of personal links at send time (the outbox stores placeholders);
 * both apps need the same value. Production refuses to run without it.
 */
export function linkSecret(): string {
  if (env.LINK_SECRET) return env.LINK_SECRET;
  if (env.NODE_ENV === "production") throw new Error("LINK_SECRET is not set");
  return "dev-only-link-secret-dev-only-link-secret";
}

/**
 * SUPPRESSION_SECRET keys the HMAC-SHA-256 under which suppressed addresses are stored, so the
 * list holds no readable address. Production refuses to run without it.
 */
export function suppressionSecret(): string {
  if (env.SUPPRESSION_SECRET) return env.SUPPRESSION_SECRET;
  if (env.NODE_ENV === "production") throw new Error("SUPPRESSION_SECRET is not set");
  return "dev-only-suppression-secret-dev-only-suppression";
}
