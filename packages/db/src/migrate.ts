import { type Kysely, Migrator } from "kysely";
import type { Database } from "./create-database.ts";
import { migrations } from "./migrations/index.ts";

export async function migrateToLatest(db: Database): Promise<string[]> {
  // Migrations name tables in snake_case themselves, so they run without the CamelCasePlugin.
  const migrator = new Migrator({
    db: db.withoutPlugins() as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
