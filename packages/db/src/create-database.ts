import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { AuditKeyPlugin } from "./audit/audit-kek.ts";
import type { DB } from "./tables/generated.ts";

export type Database = Kysely<DB>;

/** Where the data lives: a PostgreSQL server, or embedded PGlite (a folder, or memory when none). */
export type DatabaseTarget =
  | { driver: "postgres"; url: string; poolMax?: number }
  | { driver: "pglite"; dataDir?: string };

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseTarget["driver"];
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
// Calendar days stay "YYYY-MM-DD" strings (no time zone shift); counts come back as numbers.
const parsers: Record<number, (value: string) => unknown> = {
  [DATE_OID]: (value) => value,
  [INT8_OID]: (value) => Number(value),
  [NUMERIC_OID]: (value) => Number(value),
};

export interface DatabaseOptions {
  /**
   * The key-encryption key for the per-person audit keys (AUDIT_KEK, 32 bytes). It travels with
   * the handle (and its transactions) to the audit functions; without it, writing or reading
   * personal audit values and signing checkpoints fail with a clear error.
   */
  auditKek?: Uint8Array;
}

export function createKysely(
  dialect: PostgresDialect | PGliteDialect,
  options: DatabaseOptions = {},
): Database {
  const plugins = [
    new CamelCasePlugin(),
    ...(options.auditKek ? [new AuditKeyPlugin(options.auditKek)] : []),
  ];
  return new Kysely<DB>({ dialect, plugins });
}

export function createPgPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: { getTypeParser: (oid, format) => parsers[oid] ?? pg.types.getTypeParser(oid, format) },
  });
  // An idle client losing its connection (server restart, failover) must not crash the process;
  // the pool drops that client and the next query opens a new one.
  pool.on("error", (error) => console.error(`database connection lost: ${error.message}`));
  return pool;
}

export async function openPglite(dataDir?: string): Promise<PGlite> {
  // PGlite does not create parent folders.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, { parsers });
}

export async function createDatabase(
  target: DatabaseTarget,
  options: DatabaseOptions = {},
): Promise<DatabaseHandle> {
  if (target.driver === "postgres") {
    const pool = createPgPool(target.url, target.poolMax);
    const db = createKysely(new PostgresDialect({ pool }), options);
    return { db, driver: "postgres", close: () => db.destroy() };
  }
  const pglite = await openPglite(target.dataDir);
  const db = createKysely(new PGliteDialect(pglite), options);
  return {
    db,
    driver: "pglite",
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
