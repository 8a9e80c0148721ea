import {
  checkRequestAnswer,
  checkStepCompletion,
  DomainError,
  type RequestOutcome,
  type StaffRole,
} from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import type { CaseActor } from "./case-support.ts";
import { storeCaseStep } from "./case-support.ts";
import type { RequestCaseView } from "./request-case-view.ts";
import { auditRequestCase, lockOpenRequestCase } from "./request-cases.ts";

/** The step the answer completes (Art. 12(3), (4)): every request type has it before closing. */
const answerStep = "confirm_to_person";

/**
 * Locks the case and checks that its answer may go now: the step open for this role (after the
 * identity and the steps before it), reasons where it does not act in full (`checkRequestAnswer`),
 * an address to send it to. Returns the case with that address; throws the domain's reason.
 */
export async function prepareRequestAnswer(
  trx: Database,
  input: { requestId: string; outcome: RequestOutcome; message: string },
  by: CaseActor & { role: StaffRole },
): Promise<RequestCaseView & { requesterEmail: string }> {
  const view = await lockOpenRequestCase(trx, input.requestId, by.at);
  checkStepCompletion(view.progress, { key: answerStep, role: by.role });
  checkRequestAnswer(input);
  const requesterEmail = view.requesterEmail?.trim();
  if (!requesterEmail) throw new DomainError("validation", "request_no_email");
  return { ...view, requesterEmail };
}

/** The answer is in the outbox: the step done with the mail linked, audited with the outcome only. */
export async function recordRequestAnswer(
  trx: Database,
  input: { view: RequestCaseView; outboxMessageId: string; outcome: RequestOutcome; message: string },
  by: CaseActor,
): Promise<void> {
  const result = { outboxMessageId: input.outboxMessageId };
  await storeCaseStep(
    trx,
    { requestId: input.view.id },
    { key: answerStep, skipReason: null, note: null, result },
    by,
  );
  await trx
    .updateTable("dataSubjectRequest")
    .set({
      outcome: input.outcome,
      outcomeReason: input.outcome === "fulfilled" ? null : input.message.trim(),
      updatedAt: by.at,
    })
    .where("id", "=", input.view.id)
    .execute();
  await auditRequestCase(
    trx,
    input.view,
    "request.answer_sent",
    { step: answerStep, outcome: input.outcome, ...result },
    by,
  );
}

/**
 * The person a mail answering the request is filed under (their outbox, their erasure): the first
 * linked person still there. After a level-3 erasure there is none — the answer goes to the
 * requester's address on the case, which the case keeps until it closes (`keepsRequesterContact`).
 */
export async function answerPersonId(trx: Database, personIds: readonly string[]): Promise<string | null> {
  if (personIds.length === 0) return null;
  const row = await trx
    .selectFrom("person")
    .select("id")
    .where("id", "in", personIds)
    .where("erasedLevel", "<", 3)
    .orderBy("id")
    .executeTakeFirst();
  return row?.id ?? null;
}
