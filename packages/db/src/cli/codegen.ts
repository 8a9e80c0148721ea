// Regenerates src/tables/generated.ts from the migrations: a scratch database on the server is
// migrated from zero and introspected by kysely-codegen (config in codegen.config.json).
import { execFileSync } from "node:child_process";
import { createDatabase } from "../create-database.ts";
import { migrateToLatest } from "../migrate.ts";
import { withScratchDatabase } from "../testing/server-database.ts";
import { serverUrlFromEnv } from "./cli-env.ts";

await withScratchDatabase(serverUrlFromEnv(), "codegen", async (url) => {
  const handle = await createDatabase({ driver: "postgres", url });
  await migrateToLatest(handle.db);
  await handle.close();
  execFileSync("npx", ["kysely-codegen", "--config-file", "codegen.config.json", "--url", url], {
    stdio: "inherit",
  });
});
