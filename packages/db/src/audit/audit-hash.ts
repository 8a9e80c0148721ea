import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedFields {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  personId: string | null;
  changes: unknown;
  personalEnc: Uint8Array | null;
  evidenceDocumentId: string | null;
  prevHash: string;
}

/** JSON with object keys sorted, so the same event always hashes the same on every driver. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function auditHash(fields: HashedFields): string {
  const material = canonicalJson({
    occurredAt: fields.occurredAt.toISOString(),
    actorType: fields.actorType,
    actorId: fields.actorId,
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId,
    personId: fields.personId,
    changes: fields.changes,
    personalEnc: fields.personalEnc ? Buffer.from(fields.personalEnc).toString("base64") : null,
    evidenceDocumentId: fields.evidenceDocumentId,
    prevHash: fields.prevHash,
  });
  return createHash("sha256").update(material).digest("hex");
}
