import { describe, expect, it } from "vitest";
import { auditHash, auditHashReference, type HashedFields } from "./audit-hash.ts";

const base: HashedFields = {
  occurredAt: new Date("2026-11-29T12:00:00.123Z"),
  actorType: "staff",
  actorId: "7d2f0c1e-0000-4000-8000-000000000001",
  action: "record.grant",
  entityType: "processing_record",
  entityId: "7d2f0c1e-0000-4000-8000-000000000002",
  personId: "7d2f0c1e-0000-4000-8000-000000000003",
  changes: { to: "granted", from: null, purposeKey: "newsletter", nested: { b: [1, 'ä"\\\n'], a: true } },
  personalEnc: Buffer.from([0, 1, 2, 250, 251, 252]),
  evidenceDocumentId: null,
  prevHash: "0".repeat(64),
};

describe("#22 audit hash", () => {
  it.each([
    ["a full event", base],
    [
      "nulls everywhere",
      { ...base, actorId: null, entityId: null, personId: null, personalEnc: null, changes: {} },
    ],
    [
      "quotes and non-ASCII in every text",
      { ...base, action: 'a"b\\c', actorId: "Ünïcödé \u2028", entityType: "</x>" },
    ],
  ])("the fast hash equals the canonical-JSON definition for %s", (_name, fields) => {
    expect(auditHash(fields)).toBe(auditHashReference(fields));
  });
});
