import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { PostgresDialect, sql } from "kysely";
import { serverUrlFromEnv } from "../cli/cli-env.ts";
import { createKysely, createPgPool, type Database } from "../create-database.ts";
import { migrateToLatest } from "../migrate.ts";
import { listPersons } from "../repositories/persons-list.ts";
import { refreshAllTrafficLights, summarizeListLights } from "../repositories/traffic-lights.ts";
import { createServerDatabase, dropServerDatabase } from "../testing/server-database.ts";
import { benchAdmissibilityCheck } from "./admissibility-check.ts";
import { measureAuditAppend } from "./audit-append.ts";
import { printTable, type Row } from "./bench-table.ts";
import { createBenchList, loadBenchData } from "./load.ts";
import { benchMassRequest } from "./mass-request.ts";
import { benchMaterialChange } from "./material-change.ts";
import {
  type CapturedQuery,
  createCapturingKysely,
  explainText,
  formatMs,
  repeat,
  repeatExplain,
  type Stats,
  timeOnce,
} from "./measure.ts";
import { benchRetentionSweep } from "./retention-sweep.ts";
import { countRows, sameCounts, showCounts, storedLights } from "./row-counts.ts";
import { baselineSummaries } from "./summary-baselines.ts";

const { values: args } = parseArgs({
  options: {
    persons: { type: "string", default: "1000000" },
    keep: { type: "boolean", default: false },
    repetitions: { type: "string", default: "20" },
    // `--only audit`: just the audit append figure, on an empty database (seconds, not minutes);
    // `--only retention`: the load, then just the retention sweep.
    only: { type: "string" },
  },
});
if (args.only !== undefined && args.only !== "audit" && args.only !== "retention")
  throw new Error("--only takes: audit, retention");
const personCount = Number.parseInt(args.persons, 10);
const repetitions = Number.parseInt(args.repetitions, 10);
if (!Number.isInteger(personCount) || personCount < 1000)
  throw new Error("--persons must be an integer ≥ 1000");
const LIST_SIZE = Math.min(100_000, personCount);
const RETENTION_DUE = Math.min(100_000, personCount);
const PAGE_TARGET_MS = 50;
const EDIT_TARGET_MS = 1000;
const RATIO_TARGET = 1.5;
const log = (line = "") => console.info(line);

const serverUrl = serverUrlFromEnv();
const runStarted = performance.now();
const url = await createServerDatabase(serverUrl, "bench");
const pool = createPgPool(url, 4);
// A throwaway key-encryption key: the bench's audit events are never read again.
const db = createKysely(new PostgresDialect({ pool }), { auditKek: randomBytes(32) });
const now = new Date();
if (args.only === "audit") {
  try {
    await migrateToLatest(db);
    log(`bench database ${new URL(url).pathname.slice(1)}; audit only`);
    printTable(await measureAuditAppend(db, now));
  } finally {
    await db.destroy();
    await dropServerDatabase(url);
  }
  process.exit(0);
}
if (args.only === "retention") {
  try {
    await migrateToLatest(db);
    log(`bench database ${new URL(url).pathname.slice(1)}; ${personCount} persons; retention only`);
    const load = await timeOnce(() => loadBenchData(db, pool, { persons: personCount, now }));
    await sql`ANALYZE`.execute(db);
    const refresh = await timeOnce(() => refreshAllTrafficLights(db, now));
    await sql`VACUUM (ANALYZE)`.execute(db);
    log(`load ${formatMs(load.ms)}, refreshAllTrafficLights ${formatMs(refresh.ms)}`);
    const rows = await benchRetentionSweep(db, { count: RETENTION_DUE, now }, log);
    log("\n== results (retention only) ==");
    printTable(rows);
    log(`\nend to end ${formatMs(performance.now() - runStarted)}`);
  } finally {
    await db.destroy();
    if (!args.keep) await dropServerDatabase(url);
  }
  process.exit(0);
}
try {
  log(`bench database ${new URL(url).pathname.slice(1)}; ${personCount} persons; now = ${now.toISOString()}`);
  await migrateToLatest(db);

  const load = await timeOnce(() => loadBenchData(db, pool, { persons: personCount, now }));
  const analyze = await timeOnce(() => sql`ANALYZE`.execute(db));
  const refresh = await timeOnce(() => refreshAllTrafficLights(db, now));
  // The load inserted every row and the refresh rewrote most person rows: clean up, mark the pages
  // all-visible (index-only scans) and renew statistics as autovacuum would, also where it is off.
  const vacuum = await timeOnce(() => sql`VACUUM (ANALYZE)`.execute(db));
  const list = await timeOnce(async () => {
    const id = await createBenchList(db, LIST_SIZE);
    await sql`ANALYZE marketing_list_member`.execute(db);
    return id;
  });
  const listId = list.result;

  log("\n== load ==");
  for (const t of load.result.timings) log(`  ${t.label.padEnd(22)} ${formatMs(t.ms).padStart(10)}`);
  log(`  ${"load total (COPY)".padEnd(22)} ${formatMs(load.ms).padStart(10)}`);
  log(`  ${"ANALYZE".padEnd(22)} ${formatMs(analyze.ms).padStart(10)}`);
  log(`  ${"refreshAllTrafficLights".padEnd(22)} ${formatMs(refresh.ms).padStart(10)}`);
  log(`  ${"VACUUM (ANALYZE)".padEnd(22)} ${formatMs(vacuum.ms).padStart(10)}`);
  log(
    `  ${"marketing list".padEnd(22)} ${formatMs(list.ms).padStart(10)}  (${LIST_SIZE} members: first by id)`,
  );
  log("\n== rows ==");
  for (const [table, n] of Object.entries(await countRows(db)))
    log(`  ${table.padEnd(22)} ${String(n).padStart(10)}`);
  const allLights = await storedLights(db);
  log(`  stored lights          ${showCounts(allLights)}`);

  const rows: Row[] = [];
  const options = { warmup: 3, repetitions };
  const capturing = createCapturingKysely(pool);
  const captureQuery = async (run: (capturingDb: Database) => Promise<unknown>): Promise<CapturedQuery> => {
    capturing.captured.length = 0;
    await run(capturing.db);
    const query = capturing.captured[capturing.captured.length - 1];
    if (!query) throw new Error("no query captured");
    return query;
  };
  const failedPlans: { figure: string; query: CapturedQuery }[] = [];
  const measurePage = async (figure: string, run: (target: Database) => Promise<unknown>) => {
    const roundTrip = await repeat(() => run(db), options);
    const query = await captureQuery(run);
    const server = await repeatExplain(pool, query, options);
    const pass = server.execution.p95 < PAGE_TARGET_MS;
    rows.push({ figure: `${figure}: round trip`, stats: roundTrip, target: "", pass: null });
    rows.push({ figure: `${figure}: server planning`, stats: server.planning, target: "", pass: null });
    rows.push({
      figure: `${figure}: server execution`,
      stats: server.execution,
      target: `p95 < ${PAGE_TARGET_MS} ms`,
      pass,
    });
    if (!pass) failedPlans.push({ figure, query });
  };

  // 1. First page of the persons list, sorted by name.
  const first = await listPersons(db, { limit: 50 });
  if (first.rows.length !== 50) throw new Error(`first page has ${first.rows.length} rows`);
  await measurePage("list page 1 (name)", (target) => listPersons(target, { limit: 50 }));

  // 2. A deep keyset page among yellow persons: the cursor of the row in the middle of them.
  const middle = Math.floor(allLights.yellow / 2);
  const anchor = await sql<{ lastName: string; firstName: string; id: string }>`
    SELECT last_name, first_name, id FROM person WHERE traffic_light = 'yellow'
    ORDER BY last_name, first_name, id OFFSET ${middle} LIMIT 1`.execute(db);
  const key = anchor.rows[0];
  if (!key) throw new Error("no yellow persons");
  const cursor = Buffer.from(JSON.stringify({ k: [key.lastName, key.firstName, key.id] })).toString(
    "base64url",
  );
  const deep = await listPersons(db, { limit: 50, light: "yellow", cursor });
  if (deep.rows.length !== 50 || deep.rows.some((row) => row.trafficLight !== "yellow")) {
    throw new Error("deep yellow page is not 50 yellow rows");
  }
  log(`\ndeep page: yellow person #${middle + 1} of ${allLights.yellow} (${key.lastName}, ${key.firstName})`);
  await measurePage("list yellow, deep cursor", (target) =>
    listPersons(target, { limit: 50, light: "yellow", cursor }),
  );

  // Sanity of cursor chaining: follow 200 pages of yellow persons from the start.
  const follow = await timeOnce(async () => {
    let next: string | null = null;
    for (let page = 0; page < 200; page += 1) {
      const result = await listPersons(db, { limit: 50, light: "yellow", cursor: next });
      next = result.nextCursor;
      if (!next) break;
    }
  });
  log(
    `followed 200 yellow pages by cursor in ${formatMs(follow.ms)} (${formatMs(follow.ms / 200)} per page)`,
  );

  // 3. Live traffic-light summary of the 100k list: product vs the fastest plain SQL shape.
  const productCounts = await summarizeListLights(db, listId, now);
  const expected = await storedLights(db, listId);
  log(`\nsummary (product):   ${showCounts(productCounts)}`);
  if (!sameCounts(productCounts, expected))
    log(`FAIL stored lights of the members differ: ${showCounts(expected)}`);
  const summaryOptions = { warmup: 2, repetitions };
  const product = await repeat(() => summarizeListLights(db, listId, now), summaryOptions);
  let best: { name: string; stats: Stats } | null = null;
  let countsAgree = true;
  for (const shape of baselineSummaries) {
    const counts = await shape.run(db, listId, now);
    const agree = sameCounts(counts, productCounts);
    countsAgree &&= agree;
    const stats = await repeat(() => shape.run(db, listId, now), summaryOptions);
    log(
      `baseline ${shape.name.padEnd(22)} ${formatMs(stats.median).padStart(9)}  counts ${agree ? "identical" : `DIFFER: ${showCounts(counts)}`}`,
    );
    if (!best || stats.median < best.stats.median) best = { name: shape.name, stats };
  }
  if (!best) throw new Error("no baseline");
  const ratio = product.median / best.stats.median;
  rows.push({ figure: `list summary ${LIST_SIZE}: product`, stats: product, target: "", pass: null });
  rows.push({
    figure: `list summary ${LIST_SIZE}: baseline (${best.name})`,
    stats: best.stats,
    target: "",
    pass: null,
  });
  rows.push({
    figure: "list summary: counts identical",
    stats: null,
    value: countsAgree ? "yes" : "no",
    target: "identical",
    pass: countsAgree,
  });
  rows.push({
    figure: "list summary: ratio product/baseline",
    stats: null,
    value: `${ratio.toFixed(2)}×`,
    target: `≤ ${RATIO_TARGET}×`,
    pass: ratio <= RATIO_TARGET,
  });

  // 4. A material change of a purpose about half the persons hold (the bench's second purpose):
  // the edit only queues the light refresh; the bulk job converges the lights afterwards.
  const change = await benchMaterialChange(db, load.result.purposeIds[1]!);
  log(
    `\nmaterial change: ${change.holders} holders, ${change.changed} lights changed, ${change.batches} batches in ${change.runs} time-boxed runs`,
  );
  rows.push({
    figure: "material change: request",
    stats: null,
    value: formatMs(change.requestMs),
    target: `< ${EDIT_TARGET_MS} ms`,
    pass: change.requestMs < EDIT_TARGET_MS,
  });
  rows.push({
    figure: "material change: lights converged",
    stats: null,
    value: formatMs(change.convergedMs),
    target: "",
    pass: null,
  });
  // 5. Audit append in one batch (the trail of a bulk job), on the loaded database.
  rows.push(...(await measureAuditAppend(db, now)));
  // 6. The one-click admissibility check of the list (last: it adds the facts the channel law reads).
  const { purposeIds } = load.result;
  rows.push(
    ...(await benchAdmissibilityCheck(
      db,
      { listId, listSize: LIST_SIZE, purposeIds, now, repetitions },
      log,
    )),
  );
  // 7. "Ask everyone without a valid basis" for the newsletter after the e-mail check.
  rows.push(
    ...(await benchMassRequest(db, { listId, listSize: LIST_SIZE, newsletterId: purposeIds[0]! }, log)),
  );

  // 8. The retention sweep of 100,000 due persons to level 3 (last: it erases them).
  rows.push(...(await benchRetentionSweep(db, { count: RETENTION_DUE, now }, log)));

  log(
    `\n== results (${repetitions} repetitions after warm-up; page targets judged on server execution p95) ==`,
  );
  printTable(rows);
  for (const row of rows) if (row.pass === false) log(`FAIL ${row.figure}`);
  for (const failed of failedPlans)
    log(`\nplan of ${failed.figure}:\n${await explainText(pool, failed.query)}`);
  log(
    `\nend to end ${formatMs(performance.now() - runStarted)}${args.keep ? `; database kept: ${url}` : ""}`,
  );
} finally {
  await db.destroy();
  if (!args.keep) await dropServerDatabase(url);
}
