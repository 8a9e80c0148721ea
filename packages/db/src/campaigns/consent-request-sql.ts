import { type ConsentRequestExclusion, type ConsentRequestRoute, refusedStates } from "@purposeful/domain";
import { sql } from "kysely";
import { admissibilitySql } from "../repositories/admissibility-sql.ts";
import { type ListCheckInput, memberReasonSql } from "../repositories/list-check.ts";

export type ConsentRequestVerdictSql = ConsentRequestRoute | ConsentRequestExclusion;

/**
 * `consentRequestRoute` (packages/domain) as one SQL expression over a row `f` of facts with the
 * domain's names in snake_case: the route ('email', 'letter') or the reason nobody is asked, in the
 * domain's order. consent-request-sql.int.test.ts proves it equal to the domain over every
 * combination of the facts; the facts themselves come from `consentRequestFactsSql`.
 */
export function consentRequestRouteSql(includeRefusals: boolean) {
  const blocked = (channel: "email" | "post") =>
    sql`(${channel}::text = ANY(f.objected_channels) OR ${channel}::text = ANY(f.mail_blocks))`;
  return sql<ConsentRequestVerdictSql>`(CASE
    WHEN f.erased THEN 'erased'
    WHEN f.restricted THEN 'restricted'
    WHEN f.admissible THEN 'already_admissible'
    WHEN f.already_asked THEN 'already_asked'
    WHEN f.other_basis_active THEN 'other_basis_active'
    WHEN f.refused AND NOT ${includeRefusals}::boolean THEN 'refused'
    WHEN f.has_email AND f.email_advertising_allowed AND NOT ${blocked("email")} THEN 'email'
    WHEN f.has_postal_address AND NOT ${blocked("post")} THEN 'letter'
    ELSE 'no_lawful_channel' END)`;
}

/** What identifies "the same request": the list, the person and the set of purposes asked for. */
export function requestKeySql(listId: string, purposeSetKey: string) {
  return sql<string>`(${listId}::text || ':' || pe.id::text || ':' || ${purposeSetKey}::text)`;
}

/**
 * The facts of `consentRequestRoute` for the member `pe` (a person row) as the columns of one row:
 * - admissible: the check's verdict for all chosen purposes (`memberReasonSql`);
 * - already_asked: a recipient row with this request key exists;
 * - other_basis_active / refused: over the records of the purposes asked for;
 * - has_email: a primary address (the one a mail goes to); has_postal_address: any postal address;
 * - email_advertising_allowed: `assessAdmissibility` allows some direct-marketing purpose of the
 *   person's records on e-mail (`admissibilitySql`, proven equal to the domain).
 */
export function consentRequestFactsSql(
  check: ListCheckInput,
  purposeIds: string[],
  askedIds: string[],
  purposeSetKey: string,
) {
  const asked = sql`${sql.val(askedIds)}::uuid[]`;
  return sql`SELECT
      pe.erased_level > 0 AS erased,
      pe.restricted,
      pe.mail_blocks,
      pe.dm_objection_channels AS objected_channels,
      ${memberReasonSql(check, purposeIds)} = 'admissible' AS admissible,
      EXISTS (SELECT 1 FROM consent_campaign_recipient x
        WHERE x.request_key = ${requestKeySql(check.listId, purposeSetKey)}) AS already_asked,
      EXISTS (SELECT 1 FROM processing_record o WHERE o.person_id = pe.id AND o.purpose_id = ANY(${asked})
        AND o.legal_basis <> 'consent' AND o.state = 'active') AS other_basis_active,
      EXISTS (SELECT 1 FROM processing_record o WHERE o.person_id = pe.id AND o.purpose_id = ANY(${asked})
        AND o.state IN (${sql.join([...refusedStates])})) AS refused,
      EXISTS (SELECT 1 FROM person_email em WHERE em.person_id = pe.id AND em.is_primary) AS has_email,
      EXISTS (SELECT 1 FROM processing_record r JOIN purpose p ON p.id = r.purpose_id
        WHERE r.person_id = pe.id AND p.direct_marketing
          AND ${admissibilitySql(check.now, "email", check.ageOfConsent)} = 'admissible'
      ) AS email_advertising_allowed,
      EXISTS (SELECT 1 FROM person_address ad WHERE ad.person_id = pe.id) AS has_postal_address`;
}
