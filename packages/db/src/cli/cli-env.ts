import type { DatabaseTarget } from "../create-database.ts";

// The command-line tools read their environment here and nowhere else.
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { driver: "postgres", url: env.DATABASE_URL };
  return { driver: "pglite", dataDir: env.PGLITE_DATA_DIR ?? defaultDataDir() };
}

export function defaultDataDir(): string {
  return new URL("../../../../.data/pglite", import.meta.url).pathname;
}

export function serverUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}
