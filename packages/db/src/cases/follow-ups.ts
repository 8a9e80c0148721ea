import {
  checkFollowUpDueDate,
  checkFollowUpPostpone,
  controllerTimeZone,
  controllerToday,
  DomainError,
  type FollowUpStatus,
  followUpStatus,
  mayChangeFollowUp,
  type StaffRole,
} from "@purposeful/domain";
import { type AuditInput, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { isActiveStaffUser } from "../repositories/staff-users.ts";
import { type CaseActor, caseAuditActor, existingPersons } from "./case-support.ts";
import { incidentNumber } from "./incidents.ts";
import { caseNumber } from "./request-case-view.ts";

/**
 * Follow-ups (Wiedervorlagen, issue 11 #7): a due day, an assignee, a title and a note on one request
 * case, incident or person. Done and postponed (to a later day, with a reason) by their assignee,
 * their creator, the DPO or an admin. Each change is one transaction with its audit event; title,
 * note and reason may name people, so they are audited encrypted for a person's follow-up and left
 * out of the plain `changes`.
 */

type FollowUpAction = "follow_up.created" | "follow_up.done" | "follow_up.postponed";

/** What a follow-up is about: exactly one of them. */
export type FollowUpAbout = { requestId: string } | { incidentId: string } | { personId: string };

export interface NewFollowUp {
  about: FollowUpAbout;
  title: string;
  note: string | null;
  dueOn: string;
  assigneeId: string;
}

export interface FollowUpView {
  id: string;
  title: string;
  note: string | null;
  dueOn: string;
  status: FollowUpStatus;
  assigneeId: string | null;
  postponedCount: number;
  lastPostponeReason: string | null;
  /** the case number, or the person's name */
  about: { kind: "request" | "incident" | "person"; id: string; label: string };
}

async function checkAbout(trx: Database, about: FollowUpAbout): Promise<void> {
  if ("personId" in about) {
    await existingPersons(trx, [about.personId]);
    return;
  }
  const [table, id, missing, closed] =
    "requestId" in about
      ? (["dataSubjectRequest", about.requestId, "request_not_found", "request_closed"] as const)
      : (["incident", about.incidentId, "incident_not_found", "incident_closed"] as const);
  const row = isUuid(id)
    ? await trx.selectFrom(table).select("status").where("id", "=", id).executeTakeFirst()
    : undefined;
  if (!row) throw new DomainError("not_found", missing);
  if (row.status === "closed") throw new DomainError("conflict", closed);
}

function audit(
  trx: Database,
  row: { id: string; personId: string | null },
  action: FollowUpAction,
  changes: Record<string, unknown>,
  personal: AuditInput["personal"],
  by: CaseActor,
) {
  return recordAudit(trx, {
    actor: caseAuditActor(by, row.personId),
    action,
    entityType: "follow_up",
    entityId: row.id,
    personId: row.personId,
    changes,
    // Without a person to encrypt for, free text stays on the follow-up only.
    personal: row.personId ? personal : null,
    at: by.at,
  });
}

/** Creates a follow-up due today or later for an active staff user. */
export async function createFollowUp(
  trx: Database,
  input: NewFollowUp,
  by: CaseActor,
): Promise<{ id: string }> {
  const targets = Object.values(input.about).filter((value) => typeof value === "string");
  if (targets.length !== 1) throw new DomainError("validation", "follow_up_about_required");
  checkFollowUpDueDate(input.dueOn, by.at, controllerTimeZone);
  if (!(await isActiveStaffUser(trx, input.assigneeId)))
    throw new DomainError("not_found", "assignee_not_found");
  await checkAbout(trx, input.about);
  const row = await trx
    .insertInto("followUp")
    .values({
      ...input.about,
      title: input.title,
      note: input.note,
      dueOn: input.dueOn,
      assigneeId: input.assigneeId,
      createdBy: by.staffUserId,
      createdAt: by.at,
      updatedAt: by.at,
    })
    .returning(["id", "personId"])
    .executeTakeFirstOrThrow();
  const [kind, aboutId] = Object.entries(input.about)[0] as [string, string];
  await audit(
    trx,
    row,
    "follow_up.created",
    {
      about: kind.replace(/Id$/, ""),
      ...(kind === "personId" ? {} : { [kind]: aboutId }),
      dueOn: input.dueOn,
      assigneeId: input.assigneeId,
    },
    { after: { title: input.title, note: input.note } },
    by,
  );
  return { id: row.id };
}

type Changer = { staffUserId: string; at: Date; role: StaffRole };

async function openFollowUp(trx: Database, id: string, by: Changer) {
  const row = isUuid(id)
    ? await trx
        .selectFrom("followUp")
        .select(["id", "personId", "assigneeId", "createdBy", "dueOn", "doneAt", "postponedCount"])
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!row) throw new DomainError("not_found", "follow_up_not_found");
  if (!mayChangeFollowUp(row, { id: by.staffUserId, role: by.role }))
    throw new DomainError("forbidden", "follow_up_not_yours");
  if (row.doneAt) throw new DomainError("conflict", "follow_up_done");
  return row;
}

export async function completeFollowUp(
  trx: Database,
  input: { followUpId: string },
  by: Changer,
): Promise<void> {
  const row = await openFollowUp(trx, input.followUpId, by);
  await trx
    .updateTable("followUp")
    .set({ doneAt: by.at, doneBy: by.staffUserId, updatedAt: by.at })
    .where("id", "=", row.id)
    .execute();
  await audit(trx, row, "follow_up.done", { dueOn: row.dueOn }, null, by);
}

/** Moves the due day to a day after today, with the reason (kept on the row and in the audit trail). */
export async function postponeFollowUp(
  trx: Database,
  input: { followUpId: string; dueOn: string; reason: string },
  by: Changer,
): Promise<void> {
  const row = await openFollowUp(trx, input.followUpId, by);
  const { reason } = checkFollowUpPostpone({ newDueOn: input.dueOn, reason: input.reason }, by.at);
  await trx
    .updateTable("followUp")
    .set({
      dueOn: input.dueOn,
      postponedCount: row.postponedCount + 1,
      lastPostponedAt: by.at,
      lastPostponeReason: reason,
      updatedAt: by.at,
    })
    .where("id", "=", row.id)
    .execute();
  await audit(
    trx,
    row,
    "follow_up.postponed",
    { from: row.dueOn, to: input.dueOn, count: row.postponedCount + 1 },
    { after: { reason } },
    by,
  );
}

/** The open follow-ups assigned to a staff user, earliest due first, with what each is about. */
export async function myFollowUps(
  db: Database,
  userId: string,
  now: Date,
  limit = 200,
): Promise<FollowUpView[]> {
  const rows = await db
    .selectFrom("followUp as f")
    .leftJoin("dataSubjectRequest as r", "r.id", "f.requestId")
    .leftJoin("incident as i", "i.id", "f.incidentId")
    .leftJoin("person as p", "p.id", "f.personId")
    .select([
      "f.id",
      "f.title",
      "f.note",
      "f.dueOn",
      "f.assigneeId",
      "f.postponedCount",
      "f.lastPostponeReason",
      "f.requestId",
      "f.incidentId",
      "f.personId",
      "r.number as requestNumber",
      "r.receivedAt",
      "i.number as incidentNumber",
      "i.awareAt",
      "p.firstName",
      "p.lastName",
    ])
    .where("f.assigneeId", "=", userId)
    .where("f.doneAt", "is", null)
    .orderBy("f.dueOn")
    .orderBy("f.id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    note: row.note,
    dueOn: row.dueOn,
    status: followUpStatus(row.dueOn, now, controllerTimeZone),
    assigneeId: row.assigneeId,
    postponedCount: row.postponedCount,
    lastPostponeReason: row.lastPostponeReason,
    about:
      row.requestId && row.requestNumber !== null && row.receivedAt
        ? { kind: "request", id: row.requestId, label: caseNumber(row.requestNumber, row.receivedAt) }
        : row.incidentId && row.incidentNumber !== null && row.awareAt
          ? { kind: "incident", id: row.incidentId, label: incidentNumber(row.incidentNumber, row.awareAt) }
          : {
              kind: "person",
              id: row.personId ?? "",
              label: [row.firstName, row.lastName].filter(Boolean).join(" "),
            },
  }));
}

/** How many of a staff user's open follow-ups are due today or overdue (the header's badge). */
export async function countMyDueFollowUps(db: Database, userId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom("followUp")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("assigneeId", "=", userId)
    .where("doneAt", "is", null)
    .where("dueOn", "<=", controllerToday(now, controllerTimeZone))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
