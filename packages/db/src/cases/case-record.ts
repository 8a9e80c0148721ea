import type { Channel, Language } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import type { CaseRef } from "./case-support.ts";

/**
 * What the case page shows beside where the steps stand (issue 11 #2): the persons the case is
 * linked to, each step as it was done (by whom, when, with its note, its skip reason and what it
 * produced), the documents linked to it (the checked-in request mail, the reports that answer it),
 * and its own history from the audit trail. Case events carry no personal data in their changes
 * (`auditCaseChange`), so the history is shown as written.
 */

export interface CaseStepDone {
  key: string;
  doneAt: Date;
  doneBy: string | null;
  doneByName: string | null;
  note: string | null;
  skippedReason: string | null;
  result: Record<string, string> | null;
}

export interface CaseRecord {
  persons: Array<{
    id: string;
    firstName: string;
    lastName: string;
    erasedLevel: number;
    preferredLanguage: Language;
    restricted: boolean;
    dmObjectionChannels: Channel[];
  }>;
  steps: CaseStepDone[];
  documents: Array<{ id: string; fileName: string; kind: string; createdAt: Date; personId: string | null }>;
  activities: Array<{ id: string; subject: string; kind: string; occurredAt: Date; personId: string | null }>;
  history: Array<{
    id: number;
    occurredAt: Date;
    action: string;
    actorType: string;
    actorName: string | null;
    changes: unknown;
  }>;
}

const caseColumn = (ref: CaseRef) =>
  "requestId" in ref ? (["requestId", ref.requestId] as const) : (["incidentId", ref.incidentId] as const);

export async function caseRecord(db: Database, ref: CaseRef): Promise<CaseRecord> {
  const [column, id] = caseColumn(ref);
  const entityType = "requestId" in ref ? "data_subject_request" : "incident";
  const [persons, steps, documents, activities, history] = await Promise.all([
    db
      .selectFrom("caseLink as l")
      .innerJoin("person as p", "p.id", "l.personId")
      .select([
        "p.id",
        "p.firstName",
        "p.lastName",
        "p.erasedLevel",
        "p.preferredLanguage",
        "p.restricted",
        "p.dmObjectionChannels",
      ])
      .where(`l.${column}`, "=", id)
      .orderBy("p.lastName")
      .orderBy("p.firstName")
      .execute(),
    db
      .selectFrom("caseStep as c")
      .leftJoin("staffUser as s", "s.id", "c.doneBy")
      .select([
        "c.key",
        "c.doneAt",
        "c.doneBy",
        "s.name as doneByName",
        "c.note",
        "c.skippedReason",
        "c.result",
      ])
      .where(`c.${column}`, "=", id)
      .where("c.doneAt", "is not", null)
      .orderBy("c.doneAt")
      .execute(),
    db
      .selectFrom("caseLink as l")
      .innerJoin("document as d", "d.id", "l.documentId")
      .select(["d.id", "d.fileName", "d.kind", "d.createdAt", "d.personId"])
      .where(`l.${column}`, "=", id)
      .orderBy("d.createdAt")
      .execute(),
    db
      .selectFrom("caseLink as l")
      .innerJoin("activity as a", "a.id", "l.activityId")
      .select(["a.id", "a.subject", "a.kind", "a.occurredAt", "a.personId"])
      .where(`l.${column}`, "=", id)
      .orderBy("a.occurredAt")
      .execute(),
    // One event per linked person was written (each person's history shows it), the same in all
    // but the person: show it once.
    db
      .selectFrom("auditEvent as e")
      .leftJoin("staffUser as s", (join) =>
        join.onRef("s.id", "=", "e.actorId").on("e.actorType", "=", "staff"),
      )
      .select(["e.id", "e.occurredAt", "e.action", "e.actorType", "s.name as actorName", "e.changes"])
      .distinctOn(["e.occurredAt", "e.action", "e.actorId", sql`e.changes::text`])
      .where("e.entityType", "=", entityType)
      .where("e.entityId", "=", id)
      .orderBy("e.occurredAt")
      .orderBy("e.action")
      .orderBy("e.actorId")
      .orderBy(sql`e.changes::text`)
      .orderBy(sql`e.id`)
      .limit(1000)
      .execute(),
  ]);
  return {
    persons,
    steps: steps.map((step) => ({
      ...step,
      doneAt: step.doneAt as Date,
      result: (step.result as Record<string, string> | null) ?? null,
    })),
    documents,
    activities,
    history: history.sort((a, b) => a.id - b.id),
  };
}

/** The persons (not erased at level 3) with this e-mail address: who a checked-in request is from. */
export async function personsWithEmail(
  db: Database,
  address: string,
): Promise<Array<{ id: string; firstName: string; lastName: string }>> {
  const email = address.trim().toLowerCase();
  if (!email) return [];
  return db
    .selectFrom("personEmail as e")
    .innerJoin("person as p", "p.id", "e.personId")
    .select(["p.id", "p.firstName", "p.lastName"])
    .distinct()
    .where((eb) => eb(eb.fn("lower", ["e.address"]), "=", email))
    .where("p.erasedLevel", "<", 3)
    .limit(10)
    .execute();
}
