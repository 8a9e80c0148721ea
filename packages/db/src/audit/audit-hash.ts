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

const text = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/**
 * sha256 of the canonical JSON of the event's fields. The top-level object is written out in its
 * sorted key order by hand (the same text `canonicalJson` gives, see the test), because bulk appends
 * hash hundreds of thousands of events.
 */
export function auditHash(fields: HashedFields): string {
  return createHash("sha256").update(auditMaterial(fields)).digest("hex");
}

/**
 * The hashed text: canonical JSON of the event's fields (camelCase keys, `personalEnc` in base64).
 * It is valid JSON, so a bulk insert sends it to the server as the row itself.
 */
export function auditMaterial(fields: HashedFields): string {
  const personalEnc = fields.personalEnc ? Buffer.from(fields.personalEnc).toString("base64") : null;
  return (
    `{"action":${text(fields.action)},"actorId":${text(fields.actorId)},"actorType":${text(fields.actorType)}` +
    `,"changes":${canonicalJson(fields.changes)},"entityId":${text(fields.entityId)}` +
    `,"entityType":${text(fields.entityType)},"evidenceDocumentId":${text(fields.evidenceDocumentId)}` +
    `,"occurredAt":${text(fields.occurredAt.toISOString())},"personId":${text(fields.personId)}` +
    `,"personalEnc":${text(personalEnc)},"prevHash":${text(fields.prevHash)}}`
  );
}

/** The definition `auditHash` implements: canonical JSON of all fields. */
export function auditHashReference(fields: HashedFields): string {
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
