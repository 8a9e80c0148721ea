import { parseArgs } from "node:util";
import { hashPassword } from "better-auth/crypto";
import { createDatabase } from "../create-database.ts";
import { migrateToLatest } from "../migrate.ts";
import { isSeeded, seedDemo } from "../seed/demo.ts";
import { demoSeedDecisionForEnv } from "../seed/demo-policy.ts";
import { databaseOptionsFromEnv, targetFromEnv } from "./cli-env.ts";

// `npm run db:seed [-- --force]`: the demo data. Refused against DATABASE_URL with
// NODE_ENV=production unless --force, because demo staff accounts have a published password.
const { values: args } = parseArgs({ options: { force: { type: "boolean", default: false } } });
const decision = demoSeedDecisionForEnv(process.env, { force: args.force });
if (!decision.seed) {
  console.error(
    "refusing to seed demo data into a production database (DATABASE_URL with NODE_ENV=production); " +
      "pass --force if you really mean it",
  );
  process.exit(1);
}

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
