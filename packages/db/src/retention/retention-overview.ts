import {
  addDays,
  formatCalendarDate,
  type HoldKey,
  isRetentionDutyKey,
  parseCalendarDate,
  retentionActionLevel,
} from "@purposeful/domain";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../create-database.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import { effectiveRetainUntilSql, retentionDueSql } from "./retention-sql.ts";

/** Rows per list on the Retention page; the counts cover all. */
export const retentionListLimit = 100;

export interface RetentionPersonRow {
  id: string;
  firstName: string;
  lastName: string;
  retainUntil: string | null;
  manualUntil: string | null;
  reviewAt: Date | null;
}

export interface HeldItemRow {
  table: "document" | "bank_account" | "consent_evidence";
  id: string;
  personId: string | null;
  key: HoldKey;
  heldUntil: string;
}

async function personList(db: Database, where: RawBuilder<SqlBool>, orderBy: RawBuilder<unknown>) {
  const [rows, count] = await Promise.all([
    sql<RetentionPersonRow>`
      SELECT pe.id, pe.first_name, pe.last_name, pe.retain_until, pe.retention_manual_until AS manual_until,
        pe.retention_review_at AS review_at
      FROM person pe WHERE ${where} ORDER BY ${orderBy}, pe.id LIMIT ${retentionListLimit}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM person pe WHERE ${where}`.execute(db),
  ]);
  return { total: count.rows[0]?.n ?? 0, rows: rows.rows };
}

/**
 * What the Retention page shows at `now`, for the company's action: the persons the next sweep acts
 * on (due, not under review), those due within 30 days as their bases stand today, those queued for
 * the DPO's review, and the items kept restricted after an erasure with the end of their hold.
 */
export async function retentionOverview(db: Database, input: { now: Date; today: string }) {
  const { retentionAction } = await getCompanySettings(db);
  const level = retentionActionLevel(retentionAction);
  const { now, today } = input;
  const in30 = formatCalendarDate(addDays(parseCalendarDate(today), 30));
  const notUnderReview = sql<SqlBool>`pe.retention_review_at IS NULL`;
  const byDate = sql`${effectiveRetainUntilSql}`;
  const dueNow = await personList(
    db,
    sql`${retentionDueSql({ today, now, level })} AND ${notUnderReview}`,
    byDate,
  );
  const dueSoon = await personList(
    db,
    sql`${retentionDueSql({ today: in30, now, level })} AND ${notUnderReview}
      AND ${effectiveRetainUntilSql} > ${today}::date`,
    byDate,
  );
  const underReview = await personList(
    db,
    sql`pe.retention_review_at IS NOT NULL AND pe.erased_level < 3`,
    sql`pe.retention_review_at`,
  );
  return { action: retentionAction, today, dueNow, dueSoon, underReview, held: await heldItems(db) };
}

/** Items kept restricted after a level-3 erasure, soonest end first, with the hold's key. */
async function heldItems(db: Database): Promise<{ total: number; rows: HeldItemRow[] }> {
  // The key the erasure recorded for the item (consent evidence: 3 or 5 years), else its class.
  const keyOf = (table: string, personId: RawBuilder<unknown>, fallback: RawBuilder<unknown>) => sql`coalesce(
    (SELECT h->>'key' FROM erasure e CROSS JOIN jsonb_array_elements(e.held) h
      WHERE e.person_id = ${personId} AND h->>'id' = i.id::text ORDER BY e.erased_at DESC LIMIT 1),
    ${fallback}, ${table === "consent_evidence" ? "consent_evidence" : "business_letters"})`;
  const { rows } = await sql<HeldItemRow & { total: number }>`
    SELECT * , count(*) OVER ()::int AS total FROM (
      SELECT 'document' AS "table", i.id, i.person_id, ${keyOf("document", sql`i.person_id`, sql`i.retention_class`)} AS key,
        i.held_until::text AS held_until
      FROM document i WHERE i.held_until IS NOT NULL
      UNION ALL
      SELECT 'bank_account', i.id, i.person_id, ${keyOf("bank_account", sql`i.person_id`, sql`i.retention_class`)},
        i.held_until::text
      FROM bank_account i WHERE i.held_until IS NOT NULL
      UNION ALL
      SELECT 'consent_evidence', i.id, r.person_id, ${keyOf("consent_evidence", sql`r.person_id`, sql`NULL`)},
        i.held_until::text
      FROM consent_evidence i JOIN processing_record r ON r.id = i.processing_record_id
      WHERE i.held_until IS NOT NULL
    ) held ORDER BY held_until, id LIMIT ${retentionListLimit}`.execute(db);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map(({ total: _, ...row }) => ({
      ...row,
      key: isHoldKey(row.key) ? row.key : "consent_evidence",
    })),
  };
}

function isHoldKey(value: string): value is HoldKey {
  return isRetentionDutyKey(value) || value === "consent_evidence" || value === "phone_consent_evidence";
}
