import { createDatabase, type Database } from "@purposeful/db";
import { env } from "../env";

// The app owns the pool; it is opened on first use, never at import time or during `next build`.
const globalForDb = globalThis as unknown as { purposefulMicrositeDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  if (!globalForDb.purposefulMicrositeDb) {
    const url = env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForDb.purposefulMicrositeDb = createDatabase({ driver: "postgres", url, poolMax: 5 }).then(
      (handle) => handle.db,
    );
  }
  return globalForDb.purposefulMicrositeDb;
}
