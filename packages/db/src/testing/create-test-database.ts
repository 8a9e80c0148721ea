import { createDatabase, type Database } from "../create-database.ts";
import { migrateToLatest } from "../migrate.ts";
import { createServerDatabase, dropServerDatabase } from "./server-database.ts";

export interface TestDatabase {
  db: Database;
  driver: "postgres" | "pglite";
  close(): Promise<void>;
}

/**
 * A freshly migrated database of its own for one test file: a new database on the PostgreSQL
 * server when DATABASE_URL is set (unless TEST_DRIVER=pglite), else an in-memory PGlite.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const useServer = env.DATABASE_URL && env.TEST_DRIVER !== "pglite";
  if (useServer) {
    const url = await createServerDatabase(env.DATABASE_URL as string, "test");
    const handle = await createDatabase({ driver: "postgres", url, poolMax: 5 });
    await migrateToLatest(handle.db);
    return {
      db: handle.db,
      driver: "postgres",
      close: async () => {
        await handle.close();
        await dropServerDatabase(url);
      },
    };
  }
  const handle = await createDatabase({ driver: "pglite" });
  await migrateToLatest(handle.db);
  return handle;
}
