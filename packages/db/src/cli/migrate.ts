import { createDatabase } from "../create-database.ts";
import { migrateToLatest } from "../migrate.ts";
import { targetFromEnv } from "./cli-env.ts";

const handle = await createDatabase(targetFromEnv());
try {
  const applied = await migrateToLatest(handle.db);
  console.info(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await handle.close();
}
