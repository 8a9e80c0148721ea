import { CompiledQuery, sql } from "kysely";
import type { Database } from "../create-database.ts";
import { checkList, type ListCheckSummary } from "../repositories/list-check.ts";
import type { Row } from "./bench-table.ts";
import { formatMs, repeat, type Stats } from "./measure.ts";

const AGE_OF_CONSENT = 16;
const RATIO_TARGET = 1.5;
const CHECK_TARGET_MS = 1000;

/**
 * Gives the bench list the facts the channel law reads (run last: it changes purposes and members):
 * the newsletter and the analytics purpose become direct marketing by e-mail (analytics for the
 * controller's own similar goods), 60 % of the members' consents get evidence, some members are
 * business contacts, objected, blocked, restricted or have a birthday, half of the records told the
 * person of the right to object.
 */
async function prepare(db: Database, listId: string, purposeIds: readonly string[]): Promise<void> {
  const [newsletter, , , , , analytics] = purposeIds;
  await sql`UPDATE purpose SET direct_marketing = true, channels = '{email,post}'
    WHERE id IN (${newsletter}, ${analytics})`.execute(db);
  await sql`UPDATE purpose SET own_similar_goods = true WHERE id = ${analytics}`.execute(db);
  await sql`INSERT INTO consent_evidence (processing_record_id, kind)
    SELECT r.id, 'note' FROM processing_record r JOIN marketing_list_member m ON m.person_id = r.person_id
    WHERE m.list_id = ${listId} AND r.legal_basis = 'consent' AND abs(hashtext(r.id::text)) % 10 < 6`.execute(
    db,
  );
  await sql`UPDATE processing_record r SET told_right_to_object = true FROM marketing_list_member m
    WHERE m.list_id = ${listId} AND m.person_id = r.person_id AND abs(hashtext(r.id::text)) % 2 = 0`.execute(
    db,
  );
  await sql`UPDATE person pe SET
      party_type = CASE WHEN h % 20 = 0 THEN 'business' ELSE party_type END,
      dm_objection_channels = CASE WHEN h % 50 = 1 THEN '{email}' ELSE dm_objection_channels END,
      mail_blocks = CASE WHEN h % 100 = 2 THEN '{email}' ELSE mail_blocks END,
      restricted = restricted OR h % 100 = 3,
      birthday = CASE WHEN h % 10 = 4 THEN date '2000-01-01' + (h % 9000) ELSE birthday END
    FROM (SELECT m.person_id, abs(hashtext(m.person_id::text)) AS h FROM marketing_list_member m
          WHERE m.list_id = ${listId}) x
    WHERE pe.id = x.person_id`.execute(db);
  await sql`VACUUM (ANALYZE) person, processing_record, consent_evidence, purpose`.execute(db);
}

/*
 * Hand-written plain SQL for the same counts, independently of admissibility-sql.ts, specialised to
 * e-mail: the person's blocks, the purpose's channel, the record's validity, the proof of consent
 * and UWG §7(3); per member the first refusing purpose's reason. $1 list, $2 purposes, $3 now, $4 age.
 */
const PAIR_REASON = `CASE
  WHEN pe.erased_level > 0 THEN 'erased'
  WHEN pe.restricted THEN 'restricted'
  WHEN p.direct_marketing AND 'email' = ANY(pe.dm_objection_channels) THEN 'direct_marketing_objection'
  WHEN 'email' = ANY(pe.mail_blocks) THEN 'mail_block'
  WHEN NOT 'email' = ANY(p.channels) THEN 'channel_not_covered'
  WHEN r.id IS NULL THEN 'no_record'
  WHEN (r.legal_basis = 'consent') <> (r.state IN ('requested','granted','confirmed','withdrawn','declined','expired'))
    THEN 'state_not_allowed_for_basis'
  WHEN r.state = 'withdrawn' THEN 'consent_withdrawn'
  WHEN r.state = 'declined' THEN 'consent_declined'
  WHEN r.state = 'expired' THEN 'consent_expired'
  WHEN r.state = 'objected' THEN 'objected'
  WHEN r.state = 'ended' THEN 'contract_ended'
  WHEN p.direct_marketing AND p.channels <> '{}' AND p.channels <@ pe.dm_objection_channels THEN 'direct_marketing_objection'
  WHEN p.direct_marketing AND p.channels = '{}' AND pe.dm_objection_channels @> '{email,phone,post,sms,profiling}' THEN 'direct_marketing_objection'
  WHEN NOT p.active THEN 'purpose_inactive'
  WHEN r.state = 'requested' THEN 'consent_requested'
  WHEN r.valid_until <= $3 AND r.legal_basis = 'consent' THEN 'consent_expired'
  WHEN r.valid_until <= $3 THEN 'basis_expired'
  WHEN r.legal_basis <> 'consent' THEN
    CASE WHEN p.direct_marketing AND NOT (p.own_similar_goods AND r.told_right_to_object
      AND EXISTS (SELECT 1 FROM processing_record s WHERE s.person_id = pe.id AND s.legal_basis = 'contract'))
    THEN 'uwg_7_3_not_met' ELSE 'admissible' END
  WHEN r.purpose_version IS NULL OR r.purpose_version < p.min_valid_version THEN 'outdated_text_version'
  WHEN r.double_opt_in_required AND r.state <> 'confirmed' THEN 'double_opt_in_unconfirmed'
  WHEN pe.birthday IS NOT NULL AND age(($3::timestamptz AT TIME ZONE 'Europe/Berlin')::date, pe.birthday) < make_interval(years => $4)
    AND NOT EXISTS (SELECT 1 FROM consent_evidence e WHERE e.processing_record_id = r.id AND e.kind = 'parental_consent')
    THEN 'minor_without_parental_consent'
  WHEN NOT EXISTS (SELECT 1 FROM consent_evidence e WHERE e.processing_record_id = r.id) THEN 'consent_unproven'
  ELSE 'admissible' END`;

// Both shapes keep the per-pair CASE in a subquery (`OFFSET 0`) so it is computed once per pair.
const shapes: Record<string, string> = {
  "join, then first per member": `
    SELECT reason, count(*)::int AS n FROM (
      SELECT DISTINCT ON (person_id) person_id, reason FROM (
        SELECT m.person_id, c.ord, ${PAIR_REASON} AS reason
        FROM marketing_list_member m
        JOIN person pe ON pe.id = m.person_id
        CROSS JOIN unnest($2::uuid[]) WITH ORDINALITY AS c(purpose_id, ord)
        JOIN purpose p ON p.id = c.purpose_id
        LEFT JOIN processing_record r ON r.person_id = m.person_id AND r.purpose_id = c.purpose_id
        WHERE m.list_id = $1 OFFSET 0
      ) pairs ORDER BY person_id, reason = 'admissible', ord
    ) x GROUP BY reason`,
  "lateral per member": `
    SELECT reason, count(*)::int AS n FROM marketing_list_member m
    JOIN person pe ON pe.id = m.person_id
    CROSS JOIN LATERAL (
      SELECT reason FROM (
        SELECT ${PAIR_REASON} AS reason, c.ord
        FROM unnest($2::uuid[]) WITH ORDINALITY AS c(purpose_id, ord)
        JOIN purpose p ON p.id = c.purpose_id
        LEFT JOIN processing_record r ON r.person_id = pe.id AND r.purpose_id = c.purpose_id
        OFFSET 0
      ) pairs ORDER BY reason = 'admissible', ord LIMIT 1
    ) v
    WHERE m.list_id = $1 GROUP BY reason`,
};

const asSummary = (rows: Array<{ reason: string; n: number }>): Record<string, number> =>
  Object.fromEntries(
    rows.map((row) => [row.reason, row.n]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
const fromProduct = (s: ListCheckSummary): Record<string, number> =>
  asSummary([
    ...(s.admissible ? [{ reason: "admissible", n: s.admissible }] : []),
    ...Object.entries(s.byReason).map(([reason, n]) => ({ reason, n: n ?? 0 })),
  ]);

/** `admissibility check <n>`: checkList for the newsletter and analytics on e-mail vs the best baseline. */
export async function benchAdmissibilityCheck(
  db: Database,
  input: { listId: string; listSize: number; purposeIds: readonly string[]; now: Date; repetitions: number },
  log: (line: string) => void,
): Promise<Row[]> {
  await prepare(db, input.listId, input.purposeIds);
  const purposeIds = [input.purposeIds[0]!, input.purposeIds[5]!];
  const check = { listId: input.listId, purposeIds, channel: "email" as const, now: input.now };
  const run = () => checkList(db, { ...check, ageOfConsent: AGE_OF_CONSENT });
  const productCounts = fromProduct(await run());
  log(`\nadmissibility check (product): ${JSON.stringify(productCounts)}`);
  const options = { warmup: 2, repetitions: input.repetitions };
  const product = await repeat(run, options);
  let best: { name: string; stats: Stats } | null = null;
  let countsAgree = true;
  for (const [name, text] of Object.entries(shapes)) {
    // Without JIT compilation, as the product runs (its compile time exceeds the query's).
    const query = () =>
      db.transaction().execute(async (trx) => {
        await sql`SET LOCAL jit = off`.execute(trx);
        return trx.executeQuery<{ reason: string; n: number }>(
          CompiledQuery.raw(text, [input.listId, purposeIds, input.now, AGE_OF_CONSENT]),
        );
      });
    const counts = asSummary((await query()).rows);
    const agree = JSON.stringify(counts) === JSON.stringify(productCounts);
    countsAgree &&= agree;
    const stats = await repeat(query, options);
    log(
      `baseline ${name.padEnd(28)} ${formatMs(stats.median).padStart(9)}  counts ${agree ? "identical" : `DIFFER: ${JSON.stringify(counts)}`}`,
    );
    if (!best || stats.median < best.stats.median) best = { name, stats };
  }
  if (!best) throw new Error("no baseline");
  const ratio = product.median / best.stats.median;
  const n = input.listSize;
  return [
    {
      figure: `admissibility check ${n}: product`,
      stats: product,
      target: `< ${CHECK_TARGET_MS} ms`,
      pass: product.median < CHECK_TARGET_MS,
    },
    {
      figure: `admissibility check ${n}: baseline (${best.name})`,
      stats: best.stats,
      target: "",
      pass: null,
    },
    {
      figure: "admissibility check: counts identical",
      stats: null,
      value: countsAgree ? "yes" : "no",
      target: "identical",
      pass: countsAgree,
    },
    {
      figure: `admissibility check ${n}: ratio product/baseline`,
      stats: null,
      value: `${ratio.toFixed(2)}×`,
      target: `≤ ${RATIO_TARGET}×`,
      pass: ratio <= RATIO_TARGET,
    },
  ];
}
