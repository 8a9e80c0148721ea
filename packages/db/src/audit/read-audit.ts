import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { decryptValue, openStoredKey } from "./person-keys.ts";

export interface AuditQuery {
  personId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  beforeId?: number | null;
  limit?: number;
}

/**
 * A page of audit events, newest first (keyset on id), with personal values decrypted where the
 * person's key still exists; after crypto-shredding they read as `shredded`. Events written after
 * the shredding carry no personal values and `changes.personalErased`.
 */
export async function listAuditEvents(db: Database, query: AuditQuery) {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  let q = db
    .selectFrom("auditEvent as e")
    .leftJoin("personKey as k", "k.personId", "e.personId")
    .leftJoin("staffUser as s", (join) =>
      join.onRef("s.id", "=", "e.actorId").on("e.actorType", "=", "staff"),
    )
    .select([
      "e.id",
      "e.occurredAt",
      "e.actorType",
      "e.actorId",
      "s.name as actorName",
      "e.action",
      "e.entityType",
      "e.entityId",
      "e.personId",
      "e.changes",
      "e.personalEnc",
      "e.evidenceDocumentId",
      "k.key",
      "k.wrapped",
    ]);
  if (query.personId) q = q.where("e.personId", "=", query.personId);
  if (query.actorId) q = q.where("e.actorId", "=", query.actorId);
  if (query.action) q = q.where("e.action", "=", query.action);
  if (query.from) q = q.where("e.occurredAt", ">=", query.from);
  if (query.to) q = q.where("e.occurredAt", "<", query.to);
  if (query.beforeId) q = q.where("e.id", "<", query.beforeId);
  const rows = await q
    .orderBy("e.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(({ key, wrapped, personalEnc, ...event }) => ({
    ...event,
    personal:
      personalEnc === null || event.personId === null
        ? null
        : decryptPersonal(db, event.personId, { key, wrapped }, personalEnc),
  }));
  return { rows: page, nextBeforeId: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

function decryptPersonal(
  db: Database,
  personId: string,
  stored: { key: Uint8Array | null; wrapped: boolean | null },
  sealed: Uint8Array,
): { before?: unknown; after?: unknown } | "shredded" | "unreadable" {
  try {
    const key = openStoredKey(db, personId, stored);
    if (key === null || key === "shredded") return "shredded";
    return decryptValue(key, sealed) as { before?: unknown; after?: unknown };
  } catch {
    return "unreadable";
  }
}

/** A page of `listAuditEvents` with each event's person named ("Last, First"; null when deleted). */
export async function listAuditTrail(db: Database, query: AuditQuery) {
  const page = await listAuditEvents(db, query);
  const personIds = [...new Set(page.rows.flatMap((row) => (row.personId ? [row.personId] : [])))];
  const persons =
    personIds.length === 0
      ? []
      : await db
          .selectFrom("person")
          .select(["id", "firstName", "lastName"])
          .where("id", "in", personIds)
          .execute();
  const names = new Map(persons.map((p) => [p.id, `${p.lastName}, ${p.firstName}`]));
  return {
    rows: page.rows.map((row) => ({
      ...row,
      personName: row.personId ? (names.get(row.personId) ?? null) : null,
    })),
    nextBeforeId: page.nextBeforeId,
  };
}

/** The distinct actions, for the filter; a loose index scan over `audit_event_action_idx`. */
export async function listAuditActions(db: Database): Promise<string[]> {
  const result = await sql<{ action: string }>`
    WITH RECURSIVE a AS (
      SELECT min(action) AS action FROM audit_event
      UNION ALL
      SELECT (SELECT min(e.action) FROM audit_event e WHERE e.action > a.action) FROM a
      WHERE a.action IS NOT NULL
    )
    SELECT action FROM a WHERE action IS NOT NULL
  `.execute(db);
  return result.rows.map((row) => row.action);
}

/** Staff users (also deactivated ones: their events stay attributed to them), for the filter. */
export async function listAuditActors(db: Database) {
  return db.selectFrom("staffUser").select(["id", "name"]).orderBy("name").orderBy("id").execute();
}
