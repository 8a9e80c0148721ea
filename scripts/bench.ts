import { spawnSync } from "node:child_process";

/**
 * `npm run bench`: the database figures (packages/db: lists, checks, the retention sweep; its
 * options such as `--persons 100000` or `--only retention` pass through), then the access report
 * of a big person (packages/emails). `--only report` runs just the latter.
 */
const args = process.argv.slice(2);
const only = args[args.indexOf("--only") + 1];
const run = (workspace: string, forwarded: string[]) => {
  const result = spawnSync("npm", ["run", "bench", "--workspace", workspace, "--", ...forwarded], {
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (!args.includes("--only") || only !== "report") run("@purposeful/db", args);
if (!args.includes("--only") || only === "report") run("@purposeful/emails", []);
