import { type ClaimedMessage, type Database, incidentAuthorityReport } from "@purposeful/db";
import { calendarDateAt, DomainError, formatCalendarDate } from "@purposeful/domain";
import { renderEmail } from "../render.ts";
import { companyForMail, loadRecipient } from "./recipient.ts";

/** What the Art. 34 job queues instead of a rendered mail (see breach-notice-job.ts in packages/db). */
interface QueuedBreachNotice {
  incidentId: string;
}

type Rendering = { subject: string; html: string; text: string; headers: Record<string, string> };

/**
 * Renders a queued Art. 34 notice when the dispatcher claims it, with the incident's facts as they
 * stand then (the DPO may have completed the consequences or measures meanwhile) in the person's
 * language. Whether it may still go is `mayMailBreachNotice` (through `loadRecipient`): a person
 * restricted since still gets it, one erased at level 3 does not.
 */
export async function renderQueuedBreachNotice(
  db: Database,
  row: ClaimedMessage,
  now: Date,
): Promise<Rendering | { cancel: string }> {
  const props = row.props as unknown as QueuedBreachNotice;
  if (!row.personId) return { cancel: "person_not_found" };
  const refusal = (error: unknown) => {
    if (error instanceof DomainError) return { cancel: error.reason };
    throw error;
  };
  const recipient = await loadRecipient(db, row.personId, "breach_notice").catch(refusal);
  if ("cancel" in recipient) return recipient;
  const report = await incidentAuthorityReport(db, props.incidentId, now).catch(refusal);
  if ("cancel" in report) return report;
  const mail = await renderEmail(
    "breach-notice",
    {
      company: await companyForMail(db),
      salutationName: recipient.salutationName,
      awareOn: formatCalendarDate(calendarDateAt(report.awareAt)),
      nature: report.nature,
      dataCategories: report.dataCategories,
      consequences: report.consequences,
      measures: report.measures,
      dpo: report.dpo,
    },
    recipient.language,
  );
  return { ...mail, headers: {} };
}
