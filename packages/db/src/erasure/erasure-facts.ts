import {
  type Channel,
  calendarDateAt,
  consentEvidenceHold,
  DomainError,
  type ErasureFacts,
  type ErasureLevel,
  erasureRecordEvent,
  formatCalendarDate,
  type HoldCandidate,
  type LegalBasis,
  type LegalHold,
  legalHoldFor,
  type RecordState,
  type RetentionDutyKey,
  recordBasisEnd,
} from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { erasureEventSql } from "./record-events-sql.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

export const idsSql = (ids: readonly string[]) => sql`${sql.val(ids)}::uuid[]`;

/**
 * A person's documents: those filed under them, and the evidence documents of their records that
 * are filed under nobody. Rows (id, person_id).
 */
export function personDocumentsSql(ids: readonly string[]) {
  return sql`SELECT d.id, d.person_id FROM document d WHERE d.person_id IN (SELECT unnest(${idsSql(ids)}))
    UNION
    SELECT d.id, r.person_id FROM processing_record r
      JOIN consent_evidence ce ON ce.processing_record_id = r.id
      JOIN document d ON d.id = ce.document_id
    WHERE r.person_id IN (SELECT unnest(${idsSql(ids)})) AND d.person_id IS NULL`;
}

interface CountRow {
  personId: string;
  erasedLevel: number;
  emails: number;
  hasPrimaryEmail: boolean;
  phones: number;
  addresses: number;
  bankAccounts: number;
  activities: number;
  documents: number;
  relationships: number;
  outboxMessages: number;
  micrositeLinks: number;
  listMemberships: number;
  consentEvidence: number;
}

interface RecordRow {
  personId: string;
  legalBasis: LegalBasis;
  total: number;
  withdraw: number;
  object: number;
  end: number;
}

interface RetentionClassRow {
  id: string;
  personId: string;
  retentionClass: RetentionDutyKey;
  retentionDate: string | null;
  createdAt: Date;
}

interface EvidenceRow {
  id: string;
  documentId: string | null;
  personId: string;
  legalBasis: LegalBasis;
  state: RecordState;
  doubleOptInRequired: boolean;
  requestedAt: Date | null;
  grantedAt: Date | null;
  withdrawnAt: Date | null;
  declinedAt: Date | null;
  endedAt: Date | null;
  objectedAt: Date | null;
  validUntil: Date | null;
  updatedAt: Date;
  retentionPeriod: string;
  channels: Channel[];
}

const classHold = (row: RetentionClassRow): LegalHold =>
  legalHoldFor(row.retentionClass, row.retentionDate ?? formatCalendarDate(calendarDateAt(row.createdAt)));

/** §§195, 199 BGB, §7a UWG: the proof period runs from the consent's end — now, for a live one. */
function evidenceHold(row: EvidenceRow, now: Date): LegalHold {
  const live = erasureRecordEvent(
    { legalBasis: row.legalBasis, state: row.state, directMarketing: false },
    3,
  );
  const ended = live ? now : (recordBasisEnd(row) ?? now);
  return consentEvidenceHold(ended, { phone: row.channels.includes("phone") });
}

const later = (a: LegalHold | undefined, b: LegalHold) => (a && a.until >= b.until ? a : b);

/**
 * The facts `planErasure` needs for many persons, set-based (a fixed number of statements for any
 * number of persons). Unknown ids are missing from the map.
 */
export async function loadErasureFactsMany(
  db: Database,
  personIds: readonly string[],
  now: Date,
): Promise<Map<string, ErasureFacts>> {
  const ids = [...new Set(personIds)];
  const facts = new Map<string, ErasureFacts>();
  if (ids.length === 0) return facts;
  // Joined from the ids (not `= ANY(array)`, which the planner turns into a scan of the table).
  // Joined from the ids (not `= ANY(array)`, which the planner turns into a scan of the table).
  const counts = await sql<CountRow>`
    WITH docs AS (${personDocumentsSql(ids)})
    SELECT pe.id AS person_id, pe.erased_level, em.emails, em.has_primary_email,
      (SELECT count(*) FROM person_phone t WHERE t.person_id = pe.id)::int AS phones,
      (SELECT count(*) FROM person_address a WHERE a.person_id = pe.id)::int AS addresses,
      (SELECT count(*) FROM bank_account b WHERE b.person_id = pe.id)::int AS bank_accounts,
      (SELECT count(*) FROM activity a WHERE a.person_id = pe.id)::int AS activities,
      coalesce(dc.n, 0)::int AS documents,
      (SELECT count(*) FROM relationship rl
        WHERE rl.person_id = pe.id OR rl.related_person_id = pe.id)::int AS relationships,
      (SELECT count(*) FROM outbox_message o
        WHERE o.person_id = pe.id OR lower(o.to_address) = ANY(em.lowered))::int AS outbox_messages,
      (SELECT count(*) FROM microsite_link l WHERE l.person_id = pe.id)::int AS microsite_links,
      (SELECT count(*) FROM marketing_list_member m WHERE m.person_id = pe.id)::int AS list_memberships,
      (SELECT count(*) FROM processing_record r JOIN consent_evidence ce ON ce.processing_record_id = r.id
        WHERE r.person_id = pe.id)::int AS consent_evidence
    FROM unnest(${idsSql(ids)}) AS x(id)
    JOIN person pe ON pe.id = x.id
    CROSS JOIN LATERAL (SELECT count(*)::int AS emails, coalesce(bool_or(e.is_primary), false) AS has_primary_email,
        coalesce(array_agg(lower(e.address)), '{}') AS lowered
      FROM person_email e WHERE e.person_id = pe.id) em
    LEFT JOIN (SELECT person_id, count(*) AS n FROM docs GROUP BY person_id) dc ON dc.person_id = pe.id`.execute(
    db,
  );
  const records = await sql<RecordRow>`
    SELECT person_id, legal_basis, count(*)::int AS total,
      count(*) FILTER (WHERE ev = 'withdraw')::int AS withdraw,
      count(*) FILTER (WHERE ev = 'object')::int AS object,
      count(*) FILTER (WHERE ev = 'end')::int AS end
    FROM (SELECT r.person_id, r.legal_basis, ${erasureEventSql(3)} AS ev
      FROM processing_record r JOIN purpose p ON p.id = r.purpose_id
      WHERE r.person_id IN (SELECT unnest(${idsSql(ids)}))) r
    GROUP BY person_id, legal_basis`.execute(db);
  const recipients = await sql<{ personId: string; recipients: string[] }>`
    SELECT r.person_id, array_agg(DISTINCT rc ORDER BY rc) AS recipients
    FROM processing_record r JOIN purpose p ON p.id = r.purpose_id CROSS JOIN LATERAL unnest(p.recipients) rc
    WHERE r.person_id IN (SELECT unnest(${idsSql(ids)}))
    GROUP BY r.person_id`.execute(db);
  const holds = await loadHoldCandidates(db, ids, now);

  const recordsOf = new Map<string, RecordRow[]>();
  for (const row of records.rows) recordsOf.set(row.personId, [...(recordsOf.get(row.personId) ?? []), row]);
  const recipientsOf = new Map(recipients.rows.map((row) => [row.personId, row.recipients]));
  for (const row of counts.rows) {
    const rows = recordsOf.get(row.personId) ?? [];
    const liveOther: Partial<Record<LegalBasis, number>> = {};
    for (const r of rows) if (r.end > 0) liveOther[r.legalBasis] = (liveOther[r.legalBasis] ?? 0) + r.end;
    const { personId, erasedLevel, ...rest } = row;
    facts.set(personId, {
      counts: {
        ...rest,
        processingRecords: rows.reduce((sum, r) => sum + r.total, 0),
        liveConsents: rows.reduce((sum, r) => sum + r.withdraw, 0),
        liveDirectMarketing: rows.reduce((sum, r) => sum + r.object, 0),
        liveOther,
      },
      holds: holds.get(personId) ?? [],
      alreadyErasedLevel: erasedLevel as 0 | ErasureLevel,
      recipients: recipientsOf.get(personId) ?? [],
    });
  }
  return facts;
}

/**
 * Art. 17(3)(b),(e) GDPR: what may have to outlive a level-3 erasure: documents and bank accounts of a
 * retention class (HGB §257, AO §147), the evidence of consents and its documents (§§195, 199 BGB,
 * §7a UWG). A document held for several reasons is held until the latest.
 */
async function loadHoldCandidates(
  db: Database,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, HoldCandidate[]>> {
  const classed = (table: "document" | "bank_account") => sql<RetentionClassRow>`
    SELECT id, person_id, retention_class, retention_date, created_at FROM ${sql.table(table)}
    WHERE person_id IN (SELECT unnest(${idsSql(ids)})) AND retention_class IS NOT NULL`;
  const documents = await classed("document").execute(db);
  const bankAccounts = await classed("bank_account").execute(db);
  const evidence = await sql<EvidenceRow>`
    SELECT ce.id, r.person_id,
      CASE WHEN d.person_id IS NULL OR d.person_id = r.person_id THEN d.id END AS document_id,
      r.legal_basis, r.state, r.double_opt_in_required, r.requested_at, r.granted_at, r.withdrawn_at,
      r.declined_at, r.ended_at, r.objected_at, r.valid_until, r.updated_at, p.retention_period, p.channels
    FROM processing_record r JOIN purpose p ON p.id = r.purpose_id
      JOIN consent_evidence ce ON ce.processing_record_id = r.id
      LEFT JOIN document d ON d.id = ce.document_id
    WHERE r.person_id IN (SELECT unnest(${idsSql(ids)})) AND r.legal_basis = 'consent'`.execute(db);

  const byPerson = new Map<string, HoldCandidate[]>();
  const add = (personId: string, candidate: HoldCandidate) =>
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), candidate]);
  const documentHolds = new Map<string, { personId: string; hold: LegalHold }>();
  const holdDocument = (id: string, personId: string, hold: LegalHold) =>
    documentHolds.set(id, { personId, hold: later(documentHolds.get(id)?.hold, hold) });
  for (const row of documents.rows) holdDocument(row.id, row.personId, classHold(row));
  for (const row of bankAccounts.rows)
    add(row.personId, { table: "bankAccount", id: row.id, hold: classHold(row) });
  for (const row of evidence.rows) {
    const hold = evidenceHold(row, now);
    add(row.personId, { table: "consentEvidence", id: row.id, hold });
    if (row.documentId) holdDocument(row.documentId, row.personId, hold);
  }
  for (const [id, { personId, hold }] of documentHolds) add(personId, { table: "document", id, hold });
  const order = { document: 0, bankAccount: 1, consentEvidence: 2 };
  for (const list of byPerson.values())
    list.sort((a, b) => order[a.table] - order[b.table] || a.id.localeCompare(b.id));
  return byPerson;
}

/** The facts of one person for `planErasure`; DomainError person_not_found when there is none. */
export async function loadErasureFacts(db: Database, personId: string, now: Date): Promise<ErasureFacts> {
  if (!isUuid(personId)) throw new DomainError("not_found", "person_not_found");
  const facts = (await loadErasureFactsMany(db, [personId], now)).get(personId);
  if (!facts) throw new DomainError("not_found", "person_not_found");
  return facts;
}
