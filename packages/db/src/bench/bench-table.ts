import { formatMs, type Stats } from "./measure.ts";

export interface Row {
  figure: string;
  stats: Stats | null;
  value?: string;
  target: string;
  pass: boolean | null;
}

export function printTable(rows: Row[], log: (line: string) => void = console.info): void {
  const cells = rows.map((row) => [
    row.figure,
    row.value ?? (row.stats ? formatMs(row.stats.median) : "-"),
    row.stats ? formatMs(row.stats.p95) : "-",
    row.target,
    row.pass === null ? "info" : row.pass ? "PASS" : "FAIL",
  ]);
  const header = ["figure", "median", "p95", "target", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i === 1 || i === 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)));
  log(line(header).join(" | "));
  log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const c of cells) log(line(c).join(" | "));
}
