import {
  createDatabase,
  type Database,
  generateAuditKek,
  migrateToLatest,
  parseAuditKek,
} from "@purposeful/db";
import { startEmbeddedServer } from "@purposeful/db/embedded-server";
import { createServerDatabase, dropServerDatabase } from "@purposeful/db/testing";
import { freePort } from "./next-server";

export interface HttpDatabase {
  /** A URL another process (`next start`) can connect to with node-postgres. */
  url: string;
  db: Database;
  /** The AUDIT_KEK that `db` carries; give it to the `next start` that shares the database. */
  auditKek: string;
  close(): Promise<void>;
}

/**
 * A migrated database that a separate `next start` can reach: a fresh database on the server when
 * DATABASE_URL is set (and TEST_DRIVER is not pglite), else an in-memory PGlite served on a free port.
 */
export async function createHttpDatabase(env: NodeJS.ProcessEnv = process.env): Promise<HttpDatabase> {
  const auditKek = generateAuditKek();
  const options = { auditKek: parseAuditKek(auditKek) };
  if (env.DATABASE_URL && env.TEST_DRIVER !== "pglite") {
    const url = await createServerDatabase(env.DATABASE_URL, "microsite");
    const handle = await createDatabase({ driver: "postgres", url, poolMax: 3 }, options);
    await migrateToLatest(handle.db);
    return {
      url,
      db: handle.db,
      auditKek,
      close: async () => {
        await handle.close();
        await dropServerDatabase(url);
      },
    };
  }
  const embedded = await startEmbeddedServer({ port: await freePort() });
  const handle = await createDatabase({ driver: "postgres", url: embedded.url, poolMax: 1 }, options);
  await migrateToLatest(handle.db);
  return {
    url: embedded.url,
    db: handle.db,
    auditKek,
    close: async () => {
      await handle.close();
      await embedded.stop();
    },
  };
}
