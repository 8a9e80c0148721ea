import {
  checkStepCompletion,
  DomainError,
  extendRequest,
  type IdentityMethod,
  type RequestChannel,
  type RequestType,
  requestDueDate,
  type StaffRole,
} from "@purposeful/domain";
import { storeDocument } from "../consent/documents.ts";
import type { Database } from "../create-database.ts";
import { clearErasedRequester } from "../erasure/erase-level-three.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import {
  auditCaseChange,
  type CaseActor,
  caseAuditActor,
  existingPersons,
  linkPersons,
  storeCaseStep,
} from "./case-support.ts";
import { caseNumber, companyCalendar, type RequestCaseView, requestCase } from "./request-case-view.ts";

/**
 * Data-subject request cases (issue 11 #1–#4): opened with their due date from the domain
 * (Art. 12(3), the controller's time zone and the public holidays of the company's federal state),
 * linked to the persons they concern, and worked through the steps the domain defines for their
 * type (`stepsOfRequest`, `caseProgress`). Every change is one transaction with its audit event;
 * the requester's name, address and text are personal data and go into the audit trail encrypted.
 */

type By = CaseActor;
export type RequestCaseAction =
  | "request.created"
  | "request.identity_verified"
  | "request.step_completed"
  | "request.step_skipped"
  | "request.extended"
  | "request.closed"
  | "request.assigned"
  | "request.extension_notice_sent"
  | "request.answer_sent";

export interface NewRequestCase {
  type: RequestType;
  channel: RequestChannel;
  receivedAt: Date;
  requesterName: string | null;
  requesterEmail: string | null;
  description: string | null;
  personIds: readonly string[];
  assigneeId: string | null;
  /** the request mail checked in (.eml): kept as the first linked person's document and linked */
  email?: { fileName: string; content: Uint8Array; metadata: Record<string, unknown> } | null;
}

/** Opens a case; a received time in the future is refused (the deadline counts from receipt). */
export async function createRequestCase(
  trx: Database,
  input: NewRequestCase,
  by: By,
): Promise<{ id: string; number: string; dueDate: string }> {
  // A few minutes' grace for clocks that differ; anything later is a typing error.
  if (input.receivedAt.getTime() > by.at.getTime() + 5 * 60_000)
    throw new DomainError("validation", "request_received_in_future");
  const personIds = await existingPersons(trx, input.personIds);
  const dueDate = requestDueDate(input.receivedAt, { calendar: await companyCalendar(trx) });
  const row = await trx
    .insertInto("dataSubjectRequest")
    .values({
      type: input.type,
      channel: input.channel,
      receivedAt: input.receivedAt,
      dueDate,
      requesterName: input.requesterName,
      requesterEmail: input.requesterEmail,
      description: input.description,
      assigneeId: input.assigneeId,
      createdBy: by.staffUserId,
      createdAt: by.at,
      updatedAt: by.at,
    })
    .returning(["id", "number"])
    .executeTakeFirstOrThrow();
  await linkPersons(trx, { requestId: row.id }, personIds, by.at);
  const [firstPerson] = personIds;
  // The mail is evidence of what was asked and when; without a person it has no one to belong to.
  if (input.email && firstPerson) {
    const documentId = await storeDocument(trx, {
      personId: firstPerson,
      kind: "email",
      fileName: input.email.fileName,
      contentType: "message/rfc822",
      content: input.email.content,
      metadata: input.email.metadata,
      actor: caseAuditActor(by, firstPerson),
      at: by.at,
    });
    await trx.insertInto("caseLink").values({ requestId: row.id, documentId, createdAt: by.at }).execute();
  }
  await auditCaseChange(
    trx,
    {
      entityType: "data_subject_request",
      entityId: row.id,
      personIds,
      action: "request.created" satisfies RequestCaseAction,
      changes: { type: input.type, channel: input.channel, dueDate },
    },
    by,
  );
  return { id: row.id, number: caseNumber(row.number, input.receivedAt), dueDate };
}

export const auditRequestCase = (
  trx: Database,
  view: RequestCaseView,
  action: RequestCaseAction,
  changes: Record<string, unknown>,
  by: By,
) =>
  auditCaseChange(
    trx,
    { entityType: "data_subject_request", entityId: view.id, personIds: view.personIds, action, changes },
    by,
  );

/** Locks an open case for a change and loads it; DomainError request_not_found or request_closed. */
export async function lockOpenRequestCase(trx: Database, id: string, at: Date): Promise<RequestCaseView> {
  // Lock the case: two people working on it never record the same step twice.
  if (isUuid(id))
    await trx.selectFrom("dataSubjectRequest").select("id").where("id", "=", id).forUpdate().execute();
  const view = await requestCase(trx, id, at);
  if (view.status === "closed") throw new DomainError("conflict", "request_closed");
  return view;
}

/** Art. 12(6): records how the identity was verified and by whom; completes the identity step. */
export async function verifyRequestIdentity(
  trx: Database,
  input: { requestId: string; method: IdentityMethod; note: string | null },
  by: By,
): Promise<void> {
  const view = await lockOpenRequestCase(trx, input.requestId, by.at);
  if (view.identity) throw new DomainError("conflict", "case_step_already_done");
  await trx
    .updateTable("dataSubjectRequest")
    .set({
      identityMethod: input.method,
      identityVerifiedAt: by.at,
      identityVerifiedBy: by.staffUserId,
      status: "in_progress",
      updatedAt: by.at,
    })
    .where("id", "=", view.id)
    .execute();
  await storeCaseStep(
    trx,
    { requestId: view.id },
    { key: "verify_identity", skipReason: null, note: input.note },
    by,
  );
  await auditRequestCase(trx, view, "request.identity_verified", { method: input.method }, by);
}

/**
 * Completes (or, with `skipReason`, skips) the case's step `key` as the domain allows: in order,
 * after the identity where the step discloses or erases, by its role. `result` links what the step
 * produced (a report, an erasure, a mail). Completing "close" closes the case.
 */
export async function completeRequestStep(
  trx: Database,
  input: {
    requestId: string;
    key: string;
    skipReason?: string | null;
    note?: string | null;
    result?: Record<string, string> | null;
  },
  by: By & { role: StaffRole },
): Promise<RequestCaseView> {
  const view = await lockOpenRequestCase(trx, input.requestId, by.at);
  if (input.key === "verify_identity") throw new DomainError("validation", "identity_not_verified");
  checkStepCompletion(view.progress, { key: input.key, role: by.role, skipReason: input.skipReason });
  const erasureId = input.result?.erasureId;
  // A case links only an erasure of a person it is about.
  if (erasureId !== undefined) {
    const erasure =
      isUuid(erasureId) && view.personIds.length > 0
        ? await trx
            .selectFrom("erasure")
            .select("id")
            .where("id", "=", erasureId)
            .where("personId", "in", view.personIds)
            .executeTakeFirst()
        : undefined;
    if (!erasure) throw new DomainError("not_found", "erasure_not_found");
  }
  const skippedReason = input.skipReason?.trim() || null;
  await storeCaseStep(
    trx,
    { requestId: view.id },
    { key: input.key, skipReason: skippedReason, note: input.note ?? null, result: input.result },
    by,
  );
  const closing = input.key === "close";
  // The answer went out: what a level-3 erasure kept for it goes now (`keepsRequesterContact`).
  if (closing) await clearErasedRequester(trx, view.id);
  await trx
    .updateTable("dataSubjectRequest")
    .set({ status: closing ? "closed" : "in_progress", closedAt: closing ? by.at : null, updatedAt: by.at })
    .where("id", "=", view.id)
    .execute();
  await auditRequestCase(
    trx,
    view,
    closing ? "request.closed" : skippedReason ? "request.step_skipped" : "request.step_completed",
    { step: input.key, ...(input.result ?? {}) },
    by,
  );
  return requestCase(trx, view.id, by.at);
}

/**
 * Art. 12(3): extends the deadline to three months from receipt, once, with the reason the person
 * is told; adds the step that tells them within the first month.
 */
export async function extendRequestCase(
  trx: Database,
  input: { requestId: string; reason: string },
  by: By,
): Promise<RequestCaseView> {
  const view = await lockOpenRequestCase(trx, input.requestId, by.at);
  const extension = extendRequest({
    receivedAt: view.receivedAt,
    now: by.at,
    reason: input.reason,
    alreadyExtended: view.extended,
    calendar: await companyCalendar(trx),
  });
  await trx
    .updateTable("dataSubjectRequest")
    .set({
      extendedDueDate: extension.extendedDueDate,
      extensionReason: input.reason.trim(),
      updatedAt: by.at,
    })
    .where("id", "=", view.id)
    .execute();
  await auditRequestCase(trx, view, "request.extended", { dueDate: extension.extendedDueDate }, by);
  return requestCase(trx, view.id, by.at);
}

/** Who works the case: the deadline reminders go to them (issue 11 #8); null for nobody. */
export async function assignRequestCase(
  trx: Database,
  input: { requestId: string; assigneeId: string | null },
  by: By,
): Promise<RequestCaseView> {
  const view = await lockOpenRequestCase(trx, input.requestId, by.at);
  if (input.assigneeId !== null) {
    const staff = await trx
      .selectFrom("staffUser")
      .select("id")
      .where("id", "=", input.assigneeId)
      .where("banned", "=", false)
      .executeTakeFirst();
    if (!staff) throw new DomainError("not_found", "assignee_not_found");
  }
  await trx
    .updateTable("dataSubjectRequest")
    .set({ assigneeId: input.assigneeId, updatedAt: by.at })
    .where("id", "=", view.id)
    .execute();
  await auditRequestCase(trx, view, "request.assigned", { assigneeId: input.assigneeId }, by);
  return requestCase(trx, view.id, by.at);
}
