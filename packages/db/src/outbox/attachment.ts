import type { Database } from "../create-database.ts";

/** A stored document as it goes out attached to a mail. */
export interface OutboxAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * The attachment of one mail, read when the dispatcher is about to send that mail and not before, so
 * a dispatch round never holds more than the PDFs it is handing over. Read through the mail's row:
 * null when the document is gone (deleted by an erasure, which set the reference to NULL).
 */
export async function readOutboxAttachment(
  db: Database,
  outboxMessageId: string,
): Promise<OutboxAttachment | null> {
  const row = await db
    .selectFrom("outboxMessage as o")
    .innerJoin("document as d", "d.id", "o.attachmentDocumentId")
    .select(["d.fileName", "d.contentType", "d.content"])
    .where("o.id", "=", outboxMessageId)
    .executeTakeFirst();
  if (!row) return null;
  // PGlite hands out a Uint8Array, node-postgres a Buffer: a view either way, not a copy.
  const raw: Uint8Array = row.content;
  const content = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return { fileName: row.fileName, contentType: row.contentType, content };
}
