import { createHash } from "node:crypto";
import { DomainError, decideRetentionClass, mayOpenDocument, type StaffRole } from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export type DocumentKind = "upload" | "email" | "signature" | "report" | "evidence";

export interface NewDocument {
  personId: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  /** Facts shown with the document (e.g. a checked-in e-mail's sender, date and subject). */
  metadata?: Record<string, unknown>;
  /** HGB §257, AO §147: a retention class and the date it counts from (default: the upload day) */
  retention?: { retentionClass: string | null; retentionDate?: string | null };
  actor: Actor;
  at: Date;
}

/** Stores a document's content in PostgreSQL (size-limited) and audits it; call in a transaction. */
export async function storeDocument(trx: Database, input: NewDocument): Promise<string> {
  if (input.content.byteLength > MAX_DOCUMENT_BYTES)
    throw new DomainError("validation", "document_too_large");
  if (input.content.byteLength === 0) throw new DomainError("validation", "document_empty");
  const sha256 = createHash("sha256").update(input.content).digest("hex");
  const retention = decideRetentionClass(input.retention ?? { retentionClass: null }, input.at);
  const row = await trx
    .insertInto("document")
    .values({
      personId: input.personId,
      kind: input.kind,
      fileName: input.fileName.slice(0, 255),
      contentType: input.contentType,
      sizeBytes: input.content.byteLength,
      content: Buffer.from(input.content),
      sha256,
      metadata: JSON.stringify(input.metadata ?? {}),
      createdBy: input.actor.id,
      createdAt: input.at,
      retentionClass: retention.retentionClass,
      retentionDate: retention.retentionDate,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: input.actor,
    action: "document.stored",
    entityType: "document",
    entityId: row.id,
    personId: input.personId,
    changes: {
      kind: input.kind,
      contentType: input.contentType,
      sizeBytes: input.content.byteLength,
      sha256,
      ...(retention.retentionClass
        ? { retentionClass: retention.retentionClass, retentionDate: retention.retentionDate }
        : {}),
    },
    personal: { after: { fileName: input.fileName, metadata: input.metadata ?? {} } },
    evidenceDocumentId: row.id,
    at: input.at,
  });
  return row.id;
}

/** `storeDocument` in a transaction of its own; null (nothing written) when the person does not exist. */
export async function storePersonDocument(db: Database, input: NewDocument): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom("person")
      .select("id")
      .where("id", "=", input.personId)
      .executeTakeFirst();
    return person ? storeDocument(trx, input) : null;
  });
}

export async function getDocument(db: Database, documentId: string) {
  return db.selectFrom("document").selectAll().where("id", "=", documentId).executeTakeFirst();
}

export interface DocumentViewer {
  id: string;
  role: StaffRole;
}

/**
 * A document for a staff user who may open it (dpo, admin, or its uploader; see
 * `mayOpenDocument`), with the view written to the audit trail; null when it does not exist.
 * `via` says whether the file itself or its page (facts, checked-in e-mail text) was opened.
 */
export async function openDocument(
  db: Database,
  input: { documentId: string; viewer: DocumentViewer; via: "file" | "page"; at: Date },
) {
  return db.transaction().execute(async (trx) => {
    const document = await getDocument(trx, input.documentId);
    if (!document) return null;
    if (!mayOpenDocument(input.viewer, document)) throw new DomainError("forbidden", "document_forbidden");
    await recordAudit(trx, {
      actor: { type: "staff", id: input.viewer.id },
      action: "document.view",
      entityType: "document",
      entityId: document.id,
      personId: document.personId,
      changes: { via: input.via, kind: document.kind },
      evidenceDocumentId: document.id,
      at: input.at,
    });
    return document;
  });
}
