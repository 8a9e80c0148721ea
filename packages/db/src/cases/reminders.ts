import {
  controllerLanguage,
  controllerToday,
  type Language,
  type ReminderContext,
  type ReminderKind,
  type ReminderRecipient,
  type RequestType,
} from "@purposeful/domain";
import { type AuditInput, recordAuditBatch } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { getCompanySettings } from "../repositories/settings.ts";
import { type CandidateKind, type ReminderWithFacts, reminderCandidates } from "./reminder-candidates.ts";
import { companyCalendar } from "./request-case-view.ts";

/**
 * Escalation by `/api/cron/deadlines` (issue 11 #8): every reminder packages/domain says is due is
 * recorded once in `case_reminder` (unique key, `ON CONFLICT DO NOTHING`: of two runners only the
 * one whose insert returns the key sends it), queued unrendered for each recipient's staff address
 * in their language (packages/emails renders it at dispatch, like the retention summary) and
 * audited with the system as actor — one transaction per batch.
 */

/** The outbox template of a reminder (packages/emails renders it when it is dispatched). */
export const deadlineReminderTemplate = "deadline-reminder";

/** What a reminder mail says: the case number and the deadline, nothing about the data subject. */
export interface DeadlineReminderFacts {
  key: string;
  kind: ReminderKind;
  recipientName: string;
  caseNumber: string | null;
  requestType: RequestType | null;
  dueDate: string | null;
  daysLeft: number | null;
  hours: number | null;
  extended: boolean;
  /** the portal page the mail links to, e.g. `/requests/<id>` */
  path: string;
}

export interface DeadlineRunSummary {
  /** open requests, incidents and follow-ups looked at */
  scanned: number;
  /** reminders due now (sent now or before) */
  due: number;
  /** reminders sent by this run */
  sent: number;
  /** mails queued by this run */
  mails: number;
  /** reminders sent to nobody: no active DPO, admin or assignee had an address */
  unaddressed: number;
}

interface Recipient {
  email: string;
  name: string;
  language: Language;
}

interface Staff {
  assignees: Map<string, Recipient>;
  dpo: Recipient[];
  admin: Recipient[];
}

/** Active staff users by id and role; without a DPO among them, the company settings' DPO address. */
async function loadStaff(db: Database): Promise<Staff> {
  const rows = await db
    .selectFrom("staffUser")
    .select(["id", "name", "email", "locale", "role"])
    .where("banned", "=", false)
    .orderBy("id")
    .execute();
  const recipient = (row: (typeof rows)[number]): Recipient => ({
    email: row.email,
    name: row.name,
    language: row.locale,
  });
  const dpo = rows.filter((row) => row.role === "dpo").map(recipient);
  if (dpo.length === 0) {
    const company = await getCompanySettings(db);
    if (company.dpoEmail.trim())
      dpo.push({
        email: company.dpoEmail.trim(),
        name: company.dpoName || company.dpoEmail.trim(),
        language: controllerLanguage(company.country),
      });
  }
  return {
    assignees: new Map(rows.map((row) => [row.id, recipient(row)])),
    dpo,
    admin: rows.filter((row) => row.role === "admin").map(recipient),
  };
}

function recipientsOf(reminder: ReminderWithFacts, staff: Staff): Recipient[] {
  const byAddress = new Map<string, Recipient>();
  const add = (role: ReminderRecipient) => {
    const found =
      role === "assignee"
        ? [reminder.assigneeId ? staff.assignees.get(reminder.assigneeId) : undefined]
        : staff[role];
    for (const recipient of found)
      if (recipient && !byAddress.has(recipient.email.toLowerCase()))
        byAddress.set(recipient.email.toLowerCase(), recipient);
  };
  for (const role of reminder.recipients) add(role);
  return [...byAddress.values()];
}

const pathOf = (reminder: ReminderWithFacts) =>
  reminder.about === "request"
    ? `/requests/${reminder.id}`
    : reminder.about === "incident"
      ? `/incidents/${reminder.id}`
      : "/follow-ups";

const entityTypes = {
  request: "data_subject_request",
  incident: "incident",
  follow_up: "follow_up",
} as const;
const referenceOf = (reminder: ReminderWithFacts) =>
  reminder.about === "request"
    ? { requestId: reminder.id }
    : reminder.about === "incident"
      ? { incidentId: reminder.id }
      : { followUpId: reminder.id };

/** Sends one batch's due reminders not sent before; returns how many were sent and mailed. */
async function sendReminders(
  db: Database,
  due: ReminderWithFacts[],
  staff: Staff,
  now: Date,
): Promise<{ sent: number; mails: number; unaddressed: number }> {
  if (due.length === 0) return { sent: 0, mails: 0, unaddressed: 0 };
  const keys = due.map((reminder) => reminder.key);
  // Most reminders were sent by an earlier run: one read skips them without a write.
  const known = await db.selectFrom("caseReminder").select("key").where("key", "in", keys).execute();
  const sentBefore = new Set(known.map((row) => row.key));
  // Sorted by key, so concurrent runners take the keys' locks in the same order (no deadlock).
  const fresh = due
    .filter((reminder) => !sentBefore.has(reminder.key))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  if (fresh.length === 0) return { sent: 0, mails: 0, unaddressed: 0 };
  return db.transaction().execute(async (trx) => {
    const addressed = fresh.map((reminder) => ({ reminder, recipients: recipientsOf(reminder, staff) }));
    const claimed = await trx
      .insertInto("caseReminder")
      .values(
        addressed.map(({ reminder, recipients }) => ({
          key: reminder.key,
          kind: reminder.kind,
          ...referenceOf(reminder),
          recipients: recipients.length,
          sentAt: now,
        })),
      )
      .onConflict((oc) => oc.column("key").doNothing())
      .returning("key")
      .execute();
    const mine = new Set(claimed.map((row) => row.key));
    const won = addressed.filter(({ reminder }) => mine.has(reminder.key));
    const mails = won.flatMap(({ reminder, recipients }) =>
      recipients.map((recipient) => {
        const props: DeadlineReminderFacts = {
          key: reminder.key,
          kind: reminder.kind,
          recipientName: recipient.name,
          caseNumber: reminder.caseNumber,
          requestType: reminder.requestType,
          dueDate: reminder.dueDate,
          daysLeft: reminder.daysLeft,
          hours: reminder.hours,
          extended: reminder.extended,
          path: pathOf(reminder),
        };
        return {
          idempotencyKey: `${deadlineReminderTemplate}:${reminder.key}:${recipient.email.toLowerCase()}`,
          personId: null,
          toAddress: recipient.email,
          template: deadlineReminderTemplate,
          language: recipient.language,
          props: JSON.stringify(props),
          status: "pending" as const,
          nextAttemptAt: now,
          createdAt: now,
        };
      }),
    );
    if (mails.length > 0)
      await trx
        .insertInto("outboxMessage")
        .values(mails)
        .onConflict((oc) => oc.column("idempotencyKey").doNothing())
        .execute();
    await recordAuditBatch(
      trx,
      won.map(
        ({ reminder, recipients }): AuditInput => ({
          actor: { type: "system", id: "deadlines" },
          action: "deadline.reminder_sent",
          entityType: entityTypes[reminder.about],
          entityId: reminder.id,
          changes: {
            key: reminder.key,
            kind: reminder.kind,
            to: reminder.recipients,
            mails: recipients.length,
          },
          at: now,
        }),
      ),
    );
    return {
      sent: won.length,
      mails: mails.length,
      unaddressed: won.filter(({ recipients }) => recipients.length === 0).length,
    };
  });
}

/** Looks at every open request, incident and follow-up, a batch at a time, and sends what is due. */
export async function sendDueReminders(
  db: Database,
  now: Date,
  options: { batchSize?: number } = {},
): Promise<DeadlineRunSummary> {
  const batchSize = options.batchSize ?? 500;
  const [settings, calendar, staff] = await Promise.all([
    getCompanySettings(db),
    companyCalendar(db),
    loadStaff(db),
  ]);
  const ctx: ReminderContext & { today: string } = {
    now,
    calendar,
    reminderDaysBeforeDue: settings.reminderDaysBeforeDue,
    today: controllerToday(now, calendar.timeZone),
  };
  const summary: DeadlineRunSummary = { scanned: 0, due: 0, sent: 0, mails: 0, unaddressed: 0 };
  for (const kind of ["request", "incident", "follow_up"] as CandidateKind[]) {
    let cursor: string | null = null;
    do {
      const batch = await reminderCandidates(db, kind, ctx, cursor, batchSize);
      const result = await sendReminders(db, batch.reminders, staff, now);
      summary.scanned += batch.scanned;
      summary.due += batch.reminders.length;
      summary.sent += result.sent;
      summary.mails += result.mails;
      summary.unaddressed += result.unaddressed;
      cursor = batch.cursor;
    } while (cursor !== null);
  }
  return summary;
}
