import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

// 32 bytes as 64 hex digits or base64 / base64url (`openssl rand -base64 32`).
const auditKek = z
  .string()
  .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "AUDIT_KEK must be 32 bytes as hex or base64")
  .optional();

export const env = createEnv({
  server: {
    // Optional until the token pages need the database; nothing connects at import time.
    DATABASE_URL: z.string().min(1).optional(),
    // Wraps the per-person audit keys; required in production (checked below).
    AUDIT_KEK: auditKek,
    PUBLIC_MICROSITE_URL: z.url().default("http://localhost:3001"),
    // Who may set X-Forwarded-For: empty (nobody), a hop count, or CIDRs (see .env.example).
    TRUSTED_PROXIES: z.string().optional(),
    // Derives personal links' tokens at send time; the same value in both apps (see .env.example).
    LINK_SECRET: z.string().min(32).optional(),
    // Keys the HMAC of addresses on the suppression list; the same value as the portal's.
    SUPPRESSION_SECRET: z.string().min(32).optional(),
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
    PUBLIC_MICROSITE_URL: process.env.PUBLIC_MICROSITE_URL,
    NODE_ENV: process.env.NODE_ENV,
  },
  emptyStringAsUndefined: true,
});

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
 * SUPPRESSION_SECRET keys the HMAC-SHA-256 of suppressed addresses ("send me a new link" compares
 * with it); the same value as the portal's. Production refuses to run without it.
 */
export function suppressionSecret(): string {
  if (env.SUPPRESSION_SECRET) return env.SUPPRESSION_SECRET;
  if (env.NODE_ENV === "production") throw new Error("SUPPRESSION_SECRET is not set");
  return "dev-only-suppression-secret-dev-only-suppression";
}

/**
 * A production server refuses to run without the audit key-encryption key: instrumentation.ts
 * calls this when the server starts, and the database handle is never opened without it. Not at
 * import: `next build` (and next.config) load this module with NODE_ENV=production too.
 */
export function assertProductionSecrets(): void {
  if (env.NODE_ENV === "production" && !env.AUDIT_KEK)
    throw new Error("AUDIT_KEK is required in production (32 bytes, e.g. `openssl rand -base64 32`)");
}
