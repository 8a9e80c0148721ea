import "server-only";
import { createAuth } from "./create-auth";
import { getDb } from "./db";

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { purposefulAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.purposefulAuth ??= getDb().then(createAuth);
  return globalForAuth.purposefulAuth;
}
