import { checkExtensionNotice, checkStepCompletion, DomainError, type StaffRole } from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import type { CaseActor } from "./case-support.ts";
import { storeCaseStep } from "./case-support.ts";
import { companyCalendar, type RequestCaseView } from "./request-case-view.ts";
import { auditRequestCase, lockOpenRequestCase } from "./request-cases.ts";

/** The step an extension adds (`extensionNoticeStep`): telling the person, within the first month. */
const noticeStep = "notify_extension";

/**
 * Locks the case and checks that its extension notice may go now (Art. 12(3) sentence 3,
 * `checkExtensionNotice`: extended, within the first month; the step open for this role), and that
 * there is an address to send it to. Returns the case with that address; throws the domain's reason.
 */
export async function prepareExtensionNotice(
  trx: Database,
  input: { requestId: string },
  by: CaseActor & { role: StaffRole },
): Promise<RequestCaseView & { requesterEmail: string }> {
  const view = await lockOpenRequestCase(trx, input.requestId, by.at);
  checkExtensionNotice({
    receivedAt: view.receivedAt,
    now: by.at,
    extended: view.extended,
    calendar: await companyCalendar(trx),
  });
  checkStepCompletion(view.progress, { key: noticeStep, role: by.role });
  const requesterEmail = view.requesterEmail?.trim();
  if (!requesterEmail) throw new DomainError("validation", "request_no_email");
  return { ...view, requesterEmail };
}

/**
 * Records that the notice went into the outbox: the step done with the mail linked as its result,
 * the time on the case (`extension_notified_at`), audited once per linked person.
 */
export async function recordExtensionNotice(
  trx: Database,
  input: { view: RequestCaseView; outboxMessageId: string },
  by: CaseActor,
): Promise<void> {
  await trx
    .updateTable("dataSubjectRequest")
    .set({ extensionNotifiedAt: by.at, status: "in_progress", updatedAt: by.at })
    .where("id", "=", input.view.id)
    .execute();
  const result = { outboxMessageId: input.outboxMessageId };
  await storeCaseStep(
    trx,
    { requestId: input.view.id },
    { key: noticeStep, skipReason: null, note: null, result },
    by,
  );
  await auditRequestCase(
    trx,
    input.view,
    "request.extension_notice_sent",
    { step: noticeStep, dueDate: input.view.dueDate, ...result },
    by,
  );
}
