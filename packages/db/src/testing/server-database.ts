import { randomBytes } from "node:crypto";
import pg from "pg";

/** Creates a uniquely named database on the server that `serverUrl` points at. */
export async function createServerDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = `purposeful_${prefix}_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropServerDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function withScratchDatabase<T>(
  serverUrl: string,
  prefix: string,
  run: (url: string) => Promise<T>,
): Promise<T> {
  const url = await createServerDatabase(serverUrl, prefix);
  try {
    return await run(url);
  } finally {
    await dropServerDatabase(url);
  }
}
