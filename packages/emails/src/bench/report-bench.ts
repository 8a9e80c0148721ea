import { createHash, randomBytes } from "node:crypto";
import {
  composeAccessReport,
  createDatabase,
  type Database,
  migrateToLatest,
  reportArchive,
} from "@purposeful/db";
import { printTable, type Row, repeat, summarize, timeOnce } from "@purposeful/db/bench";
import { serverUrlFromEnv } from "@purposeful/db/cli-env";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createServerDatabase, dropServerDatabase } from "@purposeful/db/testing";
import { sql } from "kysely";
import { renderAccessReportPdf } from "../reports/render-access-report.ts";

/**
 * Issue 10 #6: the access report of a big person — 10,000 activities and 500 documents of a few
 * hundred kilobytes (about 125 MB) — generated (loaded and rendered) in under 5 s, and the download
 * with all documents attached streamed in bounded memory. Run on the PostgreSQL server of
 * DATABASE_URL, in a scratch database dropped afterwards. Baseline: the same rows read with plain
 * SQL (the report's facts; every document's content).
 */
const ACTIVITIES = 10_000;
const DOCUMENTS = 500;
const TARGET_MS = 5_000;
const REPETITIONS = 5;
// Slices of 1 MB, the PDF, the driver's buffers and garbage not yet collected: far below the sum.
const MEMORY_TARGET_MB = 64;
const at = new Date("2026-03-15T09:00:00Z");
const log = (line = "") => console.info(line);

async function seedBigPerson(db: Database): Promise<{ personId: string; documentBytes: number }> {
  const purpose = await createPurpose(db, {
    key: "contract",
    defaultLegalBasis: "contract",
    recipients: ["Carrier"],
  });
  const personId = await createPerson(db, {
    firstName: "Grete",
    lastName: "Weiß",
    emails: ["grete@example.test"],
  });
  await createRecord(db, { personId, purposeId: purpose, state: "active", source: "manual", at });
  await sql`
    INSERT INTO activity (person_id, kind, direction, subject, body, occurred_at, duration_seconds)
    SELECT ${personId}, (ARRAY['call','meeting','email'])[1 + i % 3],
           CASE WHEN i % 3 IN (0, 2) THEN (ARRAY['inbound','outbound'])[1 + i % 2] END,
           'Contact ' || i, 'Talked about the maintenance of machine ' || i || ' and the next appointment.',
           ${at}::timestamptz - i * interval '1 hour', CASE WHEN i % 3 = 0 THEN 240 END
    FROM generate_series(1, ${ACTIVITIES}) AS i`.execute(db);
  let documentBytes = 0;
  for (let batch = 0; batch < DOCUMENTS; batch += 25) {
    const rows = Array.from({ length: Math.min(25, DOCUMENTS - batch) }, (_, i) => {
      const content = randomBytes(100_000 + (((batch + i) * 7919) % 300_000));
      documentBytes += content.byteLength;
      return {
        personId,
        kind: "upload" as const,
        fileName: `document-${batch + i + 1}.pdf`,
        contentType: "application/pdf",
        content,
        sizeBytes: content.byteLength,
        sha256: createHash("sha256").update(content).digest("hex"),
        createdAt: new Date(at.getTime() - (batch + i) * 86_400_000),
      };
    });
    await db.insertInto("document").values(rows).execute();
  }
  await db
    .updateTable("reportTemplate")
    .set({ attachDocuments: true })
    .where("isDefault", "=", true)
    .execute();
  await sql`ANALYZE`.execute(db);
  return { personId, documentBytes };
}

/** Reads a stream to its end, hashing it, sampling the process's memory as it goes. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: number; peakRss: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  let peakRss = process.memoryUsage.rss();
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    hash.update(read.value);
    bytes += read.value.byteLength;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  hash.digest();
  return { bytes, peakRss };
}

const url = await createServerDatabase(serverUrlFromEnv(), "bench_report");
const { db, close } = await createDatabase({ driver: "postgres", url });
try {
  log(`bench database ${new URL(url).pathname.slice(1)}; ${ACTIVITIES} activities, ${DOCUMENTS} documents`);
  await migrateToLatest(db);
  const seeded = await timeOnce(() => seedBigPerson(db));
  const { personId, documentBytes } = seeded.result;
  log(`seeded in ${(seeded.ms / 1000).toFixed(1)} s (${(documentBytes / 1e6).toFixed(0)} MB of documents)`);

  const compose = () => composeAccessReport(db, { personId, now: at });
  const load = await repeat(compose, { warmup: 1, repetitions: REPETITIONS });
  const { report } = await compose();
  const render = await repeat(() => renderAccessReportPdf(report), { warmup: 1, repetitions: REPETITIONS });
  const generateSamples: number[] = [];
  let pdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < REPETITIONS; i += 1) {
    const run = await timeOnce(async () => renderAccessReportPdf((await compose()).report));
    generateSamples.push(run.ms);
    pdf = run.result;
  }
  const generate = summarize(generateSamples);
  const baselineLoad = await repeat(
    () =>
      Promise.all([
        sql`SELECT kind, direction, subject, body, occurred_at, duration_seconds FROM activity
            WHERE person_id = ${personId} ORDER BY occurred_at DESC`.execute(db),
        sql`SELECT id, kind, file_name, content_type, size_bytes, created_at FROM document
            WHERE person_id = ${personId} ORDER BY created_at DESC`.execute(db),
      ]),
    { warmup: 1, repetitions: REPETITIONS },
  );

  const documentIds = report.copy.documents.map((d) => d.id);
  const startRss = process.memoryUsage.rss();
  const archive = await timeOnce(() =>
    drain(reportArchive(db, { personId, pdf, pdfName: "report.pdf", documentIds, at })),
  );
  const baselineArchive = await timeOnce(async () => {
    for (const id of documentIds) await sql`SELECT content FROM document WHERE id = ${id}`.execute(db);
  });
  const growth = archive.result.peakRss - startRss;

  const rows: Row[] = [
    { figure: "access report: load facts (compose)", stats: load, target: "", pass: null },
    { figure: "access report: render PDF", stats: render, target: "", pass: null },
    {
      figure: `access report ${ACTIVITIES} activities + ${DOCUMENTS} documents: generate`,
      stats: generate,
      target: `< ${TARGET_MS} ms`,
      pass: generate.median < TARGET_MS,
    },
    { figure: "baseline: the same rows, plain SQL", stats: baselineLoad, target: "", pass: null },
    {
      figure: "ratio generate / plain-SQL read",
      stats: null,
      value: `${(generate.median / baselineLoad.median).toFixed(1)}×`,
      target: "",
      pass: null,
    },
    {
      figure: `download ZIP with ${documentIds.length} documents (${(archive.result.bytes / 1e6).toFixed(0)} MB)`,
      stats: summarize([archive.ms]),
      target: "",
      pass: null,
    },
    {
      figure: "baseline: every content, plain SQL",
      stats: summarize([baselineArchive.ms]),
      target: "",
      pass: null,
    },
    {
      figure: "memory growth while streaming the ZIP",
      stats: null,
      value: `${(growth / 1e6).toFixed(0)} MB`,
      target: `< ${MEMORY_TARGET_MB} MB (documents: ${(documentBytes / 1e6).toFixed(0)} MB)`,
      pass: growth < MEMORY_TARGET_MB * 1e6,
    },
  ];
  log(
    `\n== results (median of ${REPETITIONS} after warm-up; PDF ${report.copy.activities.length} activities) ==`,
  );
  printTable(rows, log);
} finally {
  await close();
  await dropServerDatabase(url);
}
