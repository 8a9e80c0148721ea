import { DomainError } from "@purposeful/domain";
import { sql } from "kysely";
import { recordAuditBatch } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import type { ListFilter } from "../lists/marketing-lists.ts";
import { applyFilters } from "../repositories/persons-list.ts";
import { type CaseActor, caseAuditActor } from "./case-support.ts";

/**
 * The persons a breach concerns, linked by hand, from a marketing list or from the persons list's filter
 * (issue 11 #6) — one `INSERT … SELECT`, each person once, and one audit event per newly linked
 * person appended as a batch, so each person's history (and their Art. 15 copy) shows it. A breach
 * concerns restricted persons too, so unlike a marketing list nobody is left out for a restriction;
 * anonymized persons (level 3) are no one any more and are.
 */

/** More persons than this in one step would hold the request too long; link them in parts. */
export const maxPersonsLinkedAtOnce = 50_000;

export type IncidentPersonSource =
  | { listId: string }
  | { filter: ListFilter }
  | { personIds: readonly string[] };

export async function linkIncidentPersons(
  trx: Database,
  input: { incidentId: string; source: IncidentPersonSource },
  by: CaseActor,
): Promise<{ added: number }> {
  const { incidentId, source } = input;
  const incident = isUuid(incidentId)
    ? await trx
        .selectFrom("incident")
        .select("status")
        .where("id", "=", incidentId)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!incident) throw new DomainError("not_found", "incident_not_found");
  if (incident.status === "closed") throw new DomainError("conflict", "incident_closed");
  if ("listId" in source) {
    const list = isUuid(source.listId)
      ? await trx.selectFrom("marketingList").select("id").where("id", "=", source.listId).executeTakeFirst()
      : undefined;
    if (!list) throw new DomainError("not_found", "list_not_found");
  }

  if ("personIds" in source && source.personIds.some((id) => !isUuid(id)))
    throw new DomainError("not_found", "person_not_found");

  const candidates = () => {
    const persons =
      "personIds" in source
        ? trx
            .selectFrom("person")
            .where("person.id", "in", source.personIds.length > 0 ? source.personIds : [incidentId])
        : "listId" in source
          ? trx
              .selectFrom("person")
              .where(({ exists, selectFrom }) =>
                exists(
                  selectFrom("marketingListMember as m")
                    .select(sql.lit(1).as("one"))
                    .whereRef("m.personId", "=", "person.id")
                    .where("m.listId", "=", source.listId),
                ),
              )
          : applyFilters(trx.selectFrom("person"), source.filter);
    return persons
      .where("person.erasedLevel", "<", 3)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("caseLink as l")
              .select(sql.lit(1).as("one"))
              .whereRef("l.personId", "=", "person.id")
              .where("l.incidentId", "=", incidentId),
          ),
        ),
      );
  };
  const { n } = await candidates()
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(n) > maxPersonsLinkedAtOnce) throw new DomainError("validation", "too_many_persons_to_link");
  if (Number(n) === 0) return { added: 0 };

  const linked = await trx
    .insertInto("caseLink")
    .columns(["incidentId", "personId", "createdAt"])
    .expression(
      candidates().select([
        sql<string>`${incidentId}::uuid`.as("incidentId"),
        "person.id as personId",
        sql<Date>`${by.at}::timestamptz`.as("createdAt"),
      ]),
    )
    .returning("personId")
    .execute();
  const how = "listId" in source ? "list" : "filter" in source ? "filter" : "hand";
  await recordAuditBatch(
    trx,
    linked.map((row) => ({
      actor: caseAuditActor(by, row.personId),
      action: "incident.persons_linked",
      entityType: "incident",
      entityId: incidentId,
      personId: row.personId,
      changes: { source: how, count: linked.length },
      at: by.at,
    })),
  );
  return { added: linked.length };
}
