import { Zip, ZipPassThrough } from "fflate";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";

/** How much of one document is read per query: memory stays at about this, whatever the sizes. */
const sliceBytes = 1024 * 1024;

/** A name inside the ZIP: no folders, no control characters, never two alike. */
export function archiveEntryName(index: number, fileName: string): string {
  const safe = fileName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, "_").slice(0, 150) || "document";
  return `documents/${String(index + 1).padStart(4, "0")}-${safe}`;
}

/** One document's content, a slice at a time; nothing when the document is gone (an erasure). */
async function* documentSlices(
  db: Database,
  personId: string,
  documentId: string,
): AsyncGenerator<{ kind: "start"; fileName: string } | { kind: "slice"; slice: Uint8Array }> {
  const meta = await db
    .selectFrom("document")
    .select(["fileName", "sizeBytes", sql<number>`octet_length(content)`.as("length")])
    .where("id", "=", documentId)
    .where("personId", "=", personId)
    .executeTakeFirst();
  if (!meta) return;
  yield { kind: "start", fileName: meta.fileName };
  for (let offset = 0; offset < meta.length; offset += sliceBytes) {
    // substring on bytea counts from 1; TOAST reads only the slices it needs.
    const row = await db
      .selectFrom("document")
      .select(sql<Uint8Array>`substring(content FROM ${offset + 1} FOR ${sliceBytes})`.as("slice"))
      .where("id", "=", documentId)
      .executeTakeFirst();
    if (!row) return;
    yield { kind: "slice", slice: new Uint8Array(row.slice) };
  }
}

/**
 * The access report with the documents it attaches (Art. 15(3), issue 10 #6) as a ZIP stream: the
 * PDF first, then each document under documents/, read from the database a megabyte at a time and
 * only when the client has taken what came before (a pull stream), so a person with 500 documents
 * costs the server about one slice of memory, not the sum of their sizes. Stored, not compressed:
 * PDFs and images are compressed already. A document deleted meanwhile (an erasure) is left out.
 */
export function reportArchive(
  db: Database,
  input: { personId: string; pdf: Uint8Array; pdfName: string; documentIds: readonly string[]; at: Date },
): ReadableStream<Uint8Array> {
  const mtime = input.at;
  let pending: Uint8Array[] = [];
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    pending.push(chunk);
    if (final) finished = true;
  });
  const add = (name: string) => {
    const entry = new ZipPassThrough(name);
    entry.mtime = mtime;
    zip.add(entry);
    return entry;
  };
  async function* produce() {
    add(input.pdfName).push(input.pdf, true);
    yield;
    let index = 0;
    for (const documentId of input.documentIds) {
      let entry: ZipPassThrough | null = null;
      for await (const part of documentSlices(db, input.personId, documentId)) {
        if (part.kind === "start") entry = add(archiveEntryName(index++, part.fileName));
        else entry?.push(part.slice);
        yield;
      }
      entry?.push(new Uint8Array(0), true);
    }
    zip.end();
  }
  const steps = produce();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (pending.length === 0 && !finished) {
        const step = await steps.next();
        if (step.done) break;
      }
      const chunks = pending;
      pending = [];
      for (const chunk of chunks) controller.enqueue(chunk);
      if (finished && pending.length === 0) controller.close();
    },
    async cancel() {
      await steps.return(undefined);
    },
  });
}
