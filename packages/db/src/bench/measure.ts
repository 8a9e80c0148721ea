import { performance } from "node:perf_hooks";
import { CamelCasePlugin, Kysely, type LogEvent, PostgresDialect } from "kysely";
import type pg from "pg";
import type { Database } from "../create-database.ts";
import type { DB } from "../tables/generated.ts";

export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  samples: number;
}

export interface RepeatOptions {
  warmup?: number;
  repetitions?: number;
}

/** Nearest-rank percentile of already sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    samples: sorted.length,
  };
}

/** Wall-clock time of one call in milliseconds, with its result. */
export async function timeOnce<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

/** Runs `run` `warmup` times unmeasured, then `repetitions` times measured (round trip, ms). */
export async function repeat(run: () => Promise<unknown>, options: RepeatOptions = {}): Promise<Stats> {
  const warmup = options.warmup ?? 3;
  const repetitions = options.repetitions ?? 20;
  for (let i = 0; i < warmup; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i += 1) samples.push((await timeOnce(run)).ms);
  return summarize(samples);
}

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * A Kysely instance over the same pool whose log callback records every compiled query, so a
 * repository function's SQL can be re-run under EXPLAIN without the repository exposing it.
 */
export function createCapturingKysely(pool: pg.Pool): { db: Database; captured: CapturedQuery[] } {
  const captured: CapturedQuery[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event: LogEvent) => {
      if (event.level === "query")
        captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return { db, captured };
}

interface ExplainRoot {
  "Execution Time": number;
  "Planning Time": number;
  Plan: unknown;
}

export async function explainAnalyze(pool: pg.Pool, query: CapturedQuery): Promise<ExplainRoot> {
  const result = await pool.query<{ "QUERY PLAN": ExplainRoot[] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`,
    [...query.parameters],
  );
  const root = result.rows[0]?.["QUERY PLAN"][0];
  if (!root) throw new Error("EXPLAIN returned no plan");
  return root;
}

/** Server-side "Execution Time" (and planning time) of a query under EXPLAIN ANALYZE, repeated. */
export async function repeatExplain(
  pool: pg.Pool,
  query: CapturedQuery,
  options: RepeatOptions = {},
): Promise<{ execution: Stats; planning: Stats }> {
  const warmup = options.warmup ?? 3;
  const repetitions = options.repetitions ?? 20;
  for (let i = 0; i < warmup; i += 1) await explainAnalyze(pool, query);
  const execution: number[] = [];
  const planning: number[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    const root = await explainAnalyze(pool, query);
    execution.push(root["Execution Time"]);
    planning.push(root["Planning Time"]);
  }
  return { execution: summarize(execution), planning: summarize(planning) };
}

/** The plan as indented text, for the report when a target fails or a detail is wanted. */
export async function explainText(pool: pg.Pool, query: CapturedQuery): Promise<string> {
  const result = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [
    ...query.parameters,
  ]);
  return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "-";
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
}
