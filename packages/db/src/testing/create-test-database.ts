import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "../create-database.ts";
import { migrateToLatest } from "../migrate.ts";
import { createServerDatabase, dropServerDatabase } from "./server-database.ts";

export interface TestDatabase {
  db: Database;
  driver: "postgres" | "pglite";
  /** The audit key-encryption key this handle carries (random per test database). */
  auditKek: Buffer;
  close(): Promise<void>;
}

/**
 * A freshly migrated database of its own for one test file: a new database on the PostgreSQL
 * server when DATABASE_URL is set (unless TEST_DRIVER=pglite), else an in-memory PGlite. The handle
 * carries a random audit KEK, as the apps' handles carry AUDIT_KEK.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const auditKek = randomBytes(32);
  const useServer = env.DATABASE_URL && env.TEST_DRIVER !== "pglite";
  if (useServer) {
    const url = await createServerDatabase(env.DATABASE_URL as string, "test");
    const handle = await createDatabase({ driver: "postgres", url, poolMax: 5 }, { auditKek });
    await migrateToLatest(handle.db);
    return {
      db: handle.db,
      driver: "postgres",
      auditKek,
      close: async () => {
        await handle.close();
        await dropServerDatabase(url);
      },
    };
  }
  const handle = await createDatabase({ driver: "pglite" }, { auditKek });
  await migrateToLatest(handle.db);
  return { ...handle, auditKek };
}
