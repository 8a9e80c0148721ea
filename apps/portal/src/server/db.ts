import "server-only";
import { createDatabase, type Database } from "@purposeful/db";
import { requireEnv } from "../env";

// The app owns the pool; it is opened on first use, never during `next build`.
const globalForDb = globalThis as unknown as { purposefulDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  globalForDb.purposefulDb ??= createDatabase({ driver: "postgres", url: requireEnv("DATABASE_URL") }).then(
    (handle) => handle.db,
  );
  return globalForDb.purposefulDb;
}
