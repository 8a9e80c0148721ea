import { hashPassword } from "better-auth/crypto";
import { createDatabase } from "../create-database.ts";
import { migrateToLatest } from "../migrate.ts";
import { isSeeded, seedDemo } from "../seed/demo.ts";
import { databaseOptionsFromEnv, targetFromEnv } from "./cli-env.ts";

const handle = await createDatabase(targetFromEnv(), databaseOptionsFromEnv());
try {
  await migrateToLatest(handle.db);
  if (await isSeeded(handle.db)) {
    console.info("demo data is already there; nothing to do");
  } else {
    const started = Date.now();
    const { persons } = await seedDemo(handle.db, { now: new Date(), hashPassword });
    console.info(`seeded ${persons} demo persons in ${Date.now() - started} ms`);
  }
} finally {
  await handle.close();
}
