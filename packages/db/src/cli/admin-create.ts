import { parseArgs } from "node:util";
import { isDomainError } from "@purposeful/domain";
import { createDatabase } from "../create-database.ts";
import { migrateToLatest } from "../migrate.ts";
import { createAdminWithOneTimePassword } from "../repositories/staff-accounts.ts";
import { databaseOptionsFromEnv, targetFromEnv } from "./cli-env.ts";

// `npm run admin:create -- --email you@example.com [--name "…"] [--locale de|en]`: the first admin
// of a production install (or another one, e.g. when every admin lost access). Prints a random
// one-time password once; the portal asks for a new one at the first sign-in.
const { values: args } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    locale: { type: "string", default: "de" },
  },
});
if (!args.email || (args.locale !== "de" && args.locale !== "en")) {
  console.error(
    'usage: npm run admin:create -- --email you@example.com [--name "Your Name"] [--locale de|en]',
  );
  process.exit(2);
}

const handle = await createDatabase(targetFromEnv(), databaseOptionsFromEnv());
try {
  await migrateToLatest(handle.db);
  const admin = await createAdminWithOneTimePassword(handle.db, {
    email: args.email,
    name: args.name,
    locale: args.locale,
    now: new Date(),
  });
  console.info(`Created admin ${admin.email}.

One-time password (shown only now): ${admin.password}

Sign in to the portal with it; you will be asked to choose your own password at once.`);
} catch (error) {
  if (!isDomainError(error)) throw error;
  const why =
    error.reason === "staff_email_taken"
      ? `a staff account with ${args.email} exists already`
      : error.reason === "invalid_email"
        ? `${args.email} is not an e-mail address`
        : error.message;
  console.error(`admin:create refused: ${why}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
