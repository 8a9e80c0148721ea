import { type Kysely, Migrator } from "kysely";
import { migrations } from "./migrations/index.ts";

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // Migrations name tables in snake_case themselves, so they run without the CamelCasePlugin.
  const migrator = new Migrator({
    db: db.withoutPlugins(),
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
