import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../audit/read-audit.ts";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { seedDemo } from "./demo.ts";

const now = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { now, persons: 150, hashPassword: async () => "demo-hash" });
});
afterAll(async () => t?.close());

describe("#17 demo seed through the audit trail", () => {
  it("#17 gives every demo record a history whose latest event matches its state, source and time", async () => {
    const result = await sql<{
      id: string;
      state: string;
      source: string;
      updatedAt: Date;
      recordedBy: string | null;
      events: number;
      lastTo: string | null;
      lastSource: string | null;
      lastAt: Date | null;
      lastActorType: string | null;
      lastActorId: string | null;
    }>`
      SELECT r.id, r.state, r.source, r.updated_at, r.recorded_by, count(e.id)::int AS events,
        (array_agg(e.changes->>'to' ORDER BY e.id DESC))[1] AS last_to,
        (array_agg(e.changes->>'source' ORDER BY e.id DESC))[1] AS last_source,
        (array_agg(e.occurred_at ORDER BY e.id DESC))[1] AS last_at,
        (array_agg(e.actor_type ORDER BY e.id DESC))[1] AS last_actor_type,
        (array_agg(e.actor_id ORDER BY e.id DESC))[1] AS last_actor_id
      FROM processing_record r
      LEFT JOIN audit_event e ON e.entity_type = 'processing_record' AND e.entity_id = r.id::text
      GROUP BY r.id`.execute(t.db);
    expect(result.rows.length).toBeGreaterThan(150);
    for (const record of result.rows) {
      expect(record.events, record.id).toBeGreaterThanOrEqual(1);
      expect({ to: record.lastTo, source: record.lastSource, at: record.lastAt }).toEqual({
        to: record.state,
        source: record.source,
        at: record.updatedAt,
      });
      expect(record.recordedBy).toBe(record.lastActorType === "staff" ? record.lastActorId : null);
    }
    // Staff, data subjects on the microsite and the import all appear as the ones who recorded.
    const actors = new Set(result.rows.map((r) => r.lastActorType));
    expect([...actors].sort()).toEqual(["data_subject", "staff", "system"]);
  });

  it("#17 links consent events to their evidence and every person to who entered them", async () => {
    const missing = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_event e
      WHERE e.changes->>'evidenceId' IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM consent_evidence c
          WHERE c.id = (e.changes->>'evidenceId')::uuid AND c.processing_record_id::text = e.entity_id
            AND c.kind = e.changes->>'evidence')`.execute(t.db);
    expect(missing.rows[0]?.n).toBe(0);
    const withEvidence = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_event WHERE changes->>'evidenceId' IS NOT NULL`.execute(t.db);
    expect(withEvidence.rows[0]?.n).toBeGreaterThan(50);
    const persons = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM person p WHERE NOT EXISTS (
        SELECT 1 FROM audit_event e WHERE e.person_id = p.id AND e.action = 'person.created'
          AND e.occurred_at = p.created_at AND e.actor_id = p.created_by::text)`.execute(t.db);
    expect(persons.rows[0]?.n).toBe(0);
    const person = await t.db.selectFrom("person").select(["id", "firstName"]).executeTakeFirstOrThrow();
    const { rows } = await listAuditEvents(t.db, { personId: person.id, limit: 200 });
    expect(rows.at(-1)).toMatchObject({
      action: "person.created",
      personal: { after: { firstName: person.firstName } },
    });
  });

  it("#17 leaves an audit chain that verifies", async () => {
    const total = await t.db
      .selectFrom("auditEvent")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: Number(total.n) });
  });
});
