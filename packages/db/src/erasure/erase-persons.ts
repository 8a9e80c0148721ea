import {
  calendarDateAt,
  channels,
  type ErasureLevel,
  type ErasurePlan,
  type ErasureReason,
  formatCalendarDate,
  type HoldCandidate,
  planErasure,
  type StaffRole,
} from "@purposeful/domain";
import { sql } from "kysely";
import type { Actor, AuditInput } from "../audit/record-audit.ts";
import { recordAuditBatch } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { purposePeriodCte, storedLightsSql } from "../repositories/traffic-lights.ts";
import { eraseLevelThree } from "./erase-level-three.ts";
import { idsSql, loadErasureFactsMany } from "./erasure-facts.ts";
import { erasureEventSql, erasureStateSql } from "./record-events-sql.ts";

export type ErasureActor = { type: "staff"; id: string; role: StaffRole } | { type: "system" };

export interface ErasePersonsInput {
  personIds: readonly string[];
  level: ErasureLevel;
  reason: ErasureReason;
  actor: ErasureActor;
  now: Date;
  suppressionSecret: string;
  retentionRunId?: string | null;
}

export interface ErasedPerson {
  personId: string;
  erasureId: string;
  plan: ErasurePlan;
}

/** The audit trail's actor for an erasure: the staff user, or the system's erasure. */
export function auditActorOf(actor: ErasureActor): Actor {
  return actor.type === "staff" ? { type: "staff", id: actor.id } : { type: "system", id: "erasure" };
}

/** The controller's calendar day of `now`, on which holds end. */
export const todayOf = (now: Date) => formatCalendarDate(calendarDateAt(now));

/** What the erasure row and the audit keep of a plan's held items: no personal data. */
export const heldEntries = (held: readonly HoldCandidate[]) =>
  held.map((item) => ({ table: item.table, id: item.id, key: item.hold.key, until: item.hold.until }));

/**
 * Erases many persons at `level` in the caller's transaction, set-based: every statement covers all
 * of them (`unnest` of their ids), so the person page (one id) and the retention sweep (a batch) run
 * the same code. Persons already erased at `level` or higher, and unknown ids, are skipped.
 */
export async function erasePersonsBatch(
  trx: Database,
  input: ErasePersonsInput,
): Promise<{ erased: string[]; skipped: string[] }> {
  const { erased, skipped } = await erasePersonsWithPlans(trx, input);
  return { erased: erased.map((e) => e.personId), skipped };
}

/** `erasePersonsBatch`, returning each erasure with its plan (and an optional note for all of them). */
export async function erasePersonsWithPlans(
  trx: Database,
  input: ErasePersonsInput & { note?: string | null },
): Promise<{ erased: ErasedPerson[]; skipped: string[] }> {
  const requested = [...new Set(input.personIds.map((id) => id.toLowerCase()))];
  const { level, now } = input;
  if (requested.length === 0) return { erased: [], skipped: [] };
  await erasurePlannerSettings(trx);
  // In id order, so two runners over overlapping batches lock in the same order (no deadlock).
  const locked = await sql<{ id: string; erasedLevel: number }>`
    SELECT id, erased_level FROM person WHERE id IN (SELECT unnest(${idsSql(requested)})) ORDER BY id FOR UPDATE`.execute(
    trx,
  );
  const ids = locked.rows.filter((row) => row.erasedLevel < level).map((row) => row.id);
  const targets = new Set(ids);
  const skipped = requested.filter((id) => !targets.has(id));
  if (ids.length === 0) return { erased: [], skipped };

  const today = todayOf(now);
  const facts = await loadErasureFactsMany(trx, ids, now);
  const plans = ids.map((personId) => ({ personId, plan: planErasure(level, facts.get(personId)!, today) }));

  // Art. 19 GDPR: the recipients and the plan are kept before anything is deleted.
  const actorId = input.actor.type === "staff" ? input.actor.id : null;
  const rows = plans.map(({ personId, plan }) => ({
    person_id: personId,
    steps: plan.steps,
    held: heldEntries(plan.held),
    recipients: plan.recipients,
  }));
  const inserted = await sql<{ id: string; personId: string }>`
    INSERT INTO erasure (person_id, level, reason, note, actor_type, actor_id, steps, held, recipients,
      retention_run_id, erased_at)
    SELECT e.person_id, ${level}, ${input.reason}, ${input.note ?? null}, ${input.actor.type}, ${actorId},
      e.steps, e.held, ARRAY(SELECT jsonb_array_elements_text(e.recipients)), ${input.retentionRunId ?? null}::uuid,
      ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS e(person_id uuid, steps jsonb, held jsonb, recipients jsonb)
    RETURNING id, person_id`.execute(trx);
  const erasureOf = new Map(inserted.rows.map((row) => [row.personId, row.id]));

  await applyRecordEvents(trx, ids, level, actorId, now);
  // Art. 21(2),(3) GDPR, §7 UWG: the objection to direct marketing and the mail blocks on every channel;
  // level 3 (Art. 17(1)) also anonymizes the row. The light and retain-until (`refreshTrafficLights`)
  // from the records as they now are and the objection, in the same write: nothing below changes
  // a record.
  const all = sql`${sql.val([...channels])}::text[]`;
  const anonymize =
    level === 3
      ? sql`, first_name = '', last_name = '', salutation = NULL, title = NULL, birthday = NULL, job_title = NULL,
          organization_id = NULL, retention_manual_until = NULL, retention_manual_reason = NULL,
          retention_review_at = NULL, restriction_reason = NULL`
      : sql``;
  await sql`
    WITH ${purposePeriodCte}
    UPDATE person pe SET
      dm_objected_at = CASE WHEN dm_objection_channels @> ${all} THEN dm_objected_at ELSE ${now}::timestamptz END,
      dm_objection_channels = ${all}, mail_blocks = ${all},
      traffic_light = l.light, light_recheck_at = l.recheck_at, retain_until = l.retain_until,
      erased_level = ${level}, erased_at = ${now}, updated_at = ${now} ${anonymize}
    FROM (${storedLightsSql(ids, now, { objectionChannels: channels })}) l WHERE pe.id = l.id`.execute(trx);

  if (level === 2) await eraseCommunicationData(trx, ids, now);
  const heldItems = plans.flatMap(({ plan }) => plan.held);
  if (level === 3) await eraseLevelThree(trx, { ids, held: heldItems, now, secret: input.suppressionSecret });

  // One event per person, without personal data, before the key is shredded.
  const actor = auditActorOf(input.actor);
  const events: AuditInput[] = plans.map(({ personId, plan }) => ({
    actor,
    action: "person.erased",
    entityType: "person",
    entityId: personId,
    personId,
    changes: {
      level,
      reason: input.reason,
      erasureId: erasureOf.get(personId),
      // An array, not an object keyed by action: keys with underscores would not survive the
      // CamelCasePlugin on reading, and the event's hash would no longer verify.
      steps: plan.steps,
      held: plan.held.length,
      ...(input.retentionRunId ? { retentionRunId: input.retentionRunId } : {}),
    },
    at: now,
  }));
  await recordAuditBatch(trx, events);
  if (level === 3) await shredPersonKeys(trx, ids, now);
  return {
    erased: plans.map(({ personId, plan }) => ({ personId, erasureId: erasureOf.get(personId)!, plan })),
    skipped,
  };
}

/**
 * Planner settings for the rest of the caller's transaction. One subquery per person makes the
 * estimates large enough for JIT compilation, which costs more than the statements themselves
 * (seconds per batch): off. Every statement reaches a few rows per person through an index; with
 * the default random_page_cost (4, for spinning disks) PostgreSQL preferred hashing whole tables
 * (all consent evidence, all persons) for a batch of 1000 once a table held a few hundred thousand
 * rows. 1.1 is the usual value for SSDs and a cached working set, and made the batch 20 % faster.
 */
export async function erasurePlannerSettings(trx: Database): Promise<void> {
  await sql`SELECT set_config('jit', 'off', true), set_config('random_page_cost', '1.1', true)`.execute(trx);
}

/**
 * Each record's erasure event (withdraw, object, end) as `erasureEventSql` decides, in one statement;
 * level 3 also clears the records' notes (free text about the person).
 */
async function applyRecordEvents(
  trx: Database,
  ids: readonly string[],
  level: ErasureLevel,
  actorId: string | null,
  now: Date,
): Promise<void> {
  // One pass over the records, no self-join: the event is computed in place for each row.
  const ev = erasureEventSql(level);
  const at = sql`${now}::timestamptz`;
  await sql`
    UPDATE processing_record r SET
      state = ${erasureStateSql(ev)},
      withdrawn_at = CASE WHEN ${ev} = 'withdraw' THEN ${at} ELSE r.withdrawn_at END,
      objected_at = CASE WHEN ${ev} = 'object' THEN ${at} ELSE r.objected_at END,
      ended_at = CASE WHEN ${ev} = 'end' THEN ${at} ELSE r.ended_at END,
      recorded_by = CASE WHEN ${ev} IS NULL THEN r.recorded_by ELSE ${actorId} END,
      updated_at = ${at} ${level === 3 ? sql`, note = NULL` : sql``}
    FROM unnest(${idsSql(ids)}) AS x(id), purpose p
    WHERE r.person_id = x.id AND p.id = r.purpose_id
      AND (${ev} IS NOT NULL ${level === 3 ? sql`OR r.note IS NOT NULL` : sql``})`.execute(trx);
}

/**
 * Level 2: phones, postal addresses and every e-mail address but the primary one; links mailed to
 * a deleted address stop working, as when staff remove it.
 */
async function eraseCommunicationData(trx: Database, ids: readonly string[], now: Date): Promise<void> {
  await sql`
    WITH gone AS (
      DELETE FROM person_email WHERE person_id IN (SELECT unnest(${idsSql(ids)})) AND NOT is_primary RETURNING id
    )
    UPDATE microsite_link SET revoked_at = ${now}
    WHERE person_email_id IN (SELECT id FROM gone) AND purpose IN ('settings', 'double_opt_in')
      AND revoked_at IS NULL`.execute(trx);
  await sql`DELETE FROM person_phone WHERE person_id IN (SELECT unnest(${idsSql(ids)}))`.execute(trx);
  await sql`DELETE FROM person_address WHERE person_id IN (SELECT unnest(${idsSql(ids)}))`.execute(trx);
}

/**
 * Crypto-shredding of many persons' audit keys in one statement, as `shredPersonKey` does for one:
 * a tombstone (key NULL, shredded_at) replaces the key, also where there was none.
 */
async function shredPersonKeys(trx: Database, ids: readonly string[], now: Date): Promise<void> {
  await sql`
    INSERT INTO person_key (person_id, key, wrapped, shredded_at)
    SELECT id, NULL, true, ${now} FROM unnest(${idsSql(ids)}) AS x(id)
    ON CONFLICT (person_id) DO UPDATE SET key = NULL, shredded_at = EXCLUDED.shredded_at
    WHERE person_key.shredded_at IS NULL`.execute(trx);
}
