import type { LegalBasis, RecordSource, RecordState } from "@purposeful/domain";
import { sql } from "kysely";
import { type AuditInput, recordAuditBatch } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";

/**
 * `nextRecord(current, "request", "consent")` (packages/domain) as SQL over a record `r`: the state after
 * a consent request, or NULL where the domain refuses it. A request leaves a live consent (granted,
 * confirmed) as it is, makes a waiting or refused consent wait again, and restarts a record that
 * reached a final state on another basis on consent (people may change their minds). An active
 * contract or legitimate interest is not turned into a request. request-records.int.test.ts proves
 * it equal to the domain for every basis × state.
 */
export const requestTransitionSql = sql<RecordState | null>`(CASE
  WHEN r.legal_basis = 'consent' AND r.state IN ('granted', 'confirmed') THEN r.state
  WHEN r.legal_basis = 'consent' AND r.state IN ('requested', 'withdrawn', 'declined', 'expired') THEN 'requested'
  WHEN r.legal_basis <> 'consent' AND r.state IN ('withdrawn', 'declined', 'expired', 'ended', 'objected')
    THEN 'requested'
  ELSE NULL END)`;

export interface RequestedPerson {
  personId: string;
  /** how the request reaches the person: recorded as the records' source */
  source: Extract<RecordSource, "email" | "letter">;
}

interface ChangedRecord {
  id: string;
  personId: string;
  purposeKey: string;
  fromState: RecordState | null;
  fromBasis: LegalBasis | null;
  toState: RecordState;
  source: RecordSource;
}

/**
 * The records of a mass consent request, set-based: for every person × purpose the domain's request
 * transition (existing records updated, missing ones inserted as `requested`), one `record.request`
 * audit event per record as `applyRecordEvent` writes it, and the persons' stored lights refreshed,
 * all in the caller's transaction. Purposes must be active consent purposes (checked by the caller).
 */
export async function requestRecords(
  trx: Database,
  input: { persons: RequestedPerson[]; purposeIds: string[]; actorId: string; at: Date },
): Promise<number> {
  if (input.persons.length === 0 || input.purposeIds.length === 0) return 0;
  const people = sql`unnest(${sql.val(input.persons.map((p) => p.personId))}::uuid[],
    ${sql.val(input.persons.map((p) => p.source))}::text[]) AS q(person_id, source)`;
  const purposes = sql`unnest(${sql.val(input.purposeIds)}::uuid[]) AS u(purpose_id)`;
  const at = input.at;
  const result = await sql<ChangedRecord>`
    WITH before AS (
      SELECT r.id, r.state AS from_state, r.legal_basis AS from_basis, ${requestTransitionSql} AS to_state,
        q.source
      FROM ${people}
      JOIN processing_record r ON r.person_id = q.person_id AND r.purpose_id = ANY(${sql.val(input.purposeIds)}::uuid[])
      FOR UPDATE OF r
    ), updated AS (
      UPDATE processing_record r SET
        legal_basis = 'consent',
        state = b.to_state,
        source = CASE WHEN b.to_state = b.from_state THEN r.source ELSE b.source END,
        requested_at = CASE WHEN b.to_state = 'requested' THEN ${at}::timestamptz ELSE r.requested_at END,
        purpose_version = CASE WHEN b.from_basis <> 'consent' THEN NULL ELSE r.purpose_version END,
        double_opt_in_required = CASE WHEN b.from_basis <> 'consent' THEN false ELSE r.double_opt_in_required END,
        valid_until = CASE WHEN b.from_basis <> 'consent' THEN NULL ELSE r.valid_until END,
        recorded_by = ${input.actorId}, updated_at = ${at}
      FROM before b WHERE r.id = b.id AND b.to_state IS NOT NULL
      RETURNING r.id, r.person_id, r.purpose_id, b.from_state, b.from_basis, r.state AS to_state, b.source
    ), inserted AS (
      INSERT INTO processing_record (person_id, purpose_id, legal_basis, state, source, requested_at,
        recorded_by, created_at, updated_at)
      SELECT q.person_id, u.purpose_id, 'consent', 'requested', q.source, ${at}, ${input.actorId}, ${at}, ${at}
      FROM ${people} CROSS JOIN ${purposes}
      WHERE NOT EXISTS (SELECT 1 FROM processing_record x WHERE x.person_id = q.person_id AND x.purpose_id = u.purpose_id)
      ON CONFLICT DO NOTHING
      RETURNING id, person_id, purpose_id, NULL::text AS from_state, NULL::text AS from_basis, state AS to_state, source
    )
    SELECT c.id, c.person_id, p.key AS purpose_key, c.from_state, c.from_basis, c.to_state, c.source
    FROM (SELECT * FROM updated UNION ALL SELECT * FROM inserted) c JOIN purpose p ON p.id = c.purpose_id
    ORDER BY c.person_id, p.key`.execute(trx);
  const actor = { type: "staff" as const, id: input.actorId };
  const events: AuditInput[] = result.rows.map((row) => ({
    actor,
    action: "record.request",
    entityType: "processing_record",
    entityId: row.id,
    personId: row.personId,
    changes: {
      purposeKey: row.purposeKey,
      legalBasis: "consent",
      ...(row.fromBasis && row.fromBasis !== "consent" ? { previousLegalBasis: row.fromBasis } : {}),
      from: row.fromState,
      to: row.toState,
      source: row.source,
      via: "consent_campaign",
    },
    at,
  }));
  await recordAuditBatch(trx, events);
  await refreshTrafficLights(trx, [...new Set(input.persons.map((p) => p.personId))], at);
  return result.rows.length;
}
