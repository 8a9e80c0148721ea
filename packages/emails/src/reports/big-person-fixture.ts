import type { AccessReportFacts, ReportActivity, ReportDocument } from "@purposeful/domain";

type ReportAuditEvent = AccessReportFacts["auditHistory"][number];

/**
 * A customer of many years, for the tests and the bench of long reports (issue 10 #6): thousands of
 * activities, hundreds of documents, a long audit history. Times count back from `at`.
 */

/** `count` activities, one per hour back from the fixture date, cycling through the kinds. */
export function fixtureActivities(count: number, at = new Date("2026-03-15T09:00:00Z")): ReportActivity[] {
  const kinds = ["call", "meeting", "email", "note", "task"] as const;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    return {
      kind,
      direction: kind === "call" || kind === "email" ? (i % 2 === 0 ? "inbound" : "outbound") : null,
      occurredAt: new Date(at.getTime() - (i + 1) * 3_600_000),
      subject: `${kind} ${i + 1}`,
      body:
        kind === "note"
          ? "Internal: margin on the last order was thin"
          : `Talked about the maintenance of machine ${i + 1} and the next appointment.`,
      durationSeconds: kind === "call" ? 240 : null,
    };
  });
}

/** `count` documents of the customer's kinds, one per day back, a few hundred kilobytes each. */
export function fixtureDocuments(count: number, at = new Date("2026-03-15T09:00:00Z")): ReportDocument[] {
  const kinds = ["upload", "email", "signature", "upload", "report"] as const;
  return Array.from({ length: count }, (_, i) => ({
    id: `doc-${i + 1}`,
    kind: kinds[i % kinds.length]!,
    fileName: `document-${String(i + 1).padStart(4, "0")}.pdf`,
    contentType: "application/pdf",
    sizeBytes: 50_000 + ((i * 7919) % 400_000),
    createdAt: new Date(at.getTime() - (i + 1) * 86_400_000),
  }));
}

/** `count` audit events: the record and person changes of a long customer relationship. */
export function fixtureAuditHistory(
  count: number,
  at = new Date("2026-03-15T09:00:00Z"),
): ReportAuditEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(at.getTime() - (i + 1) * 3_600_000),
    action: i % 2 === 0 ? "person.updated" : "record.confirm",
    actor: i % 3 === 0 ? "data_subject" : "staff",
    values: i % 2 === 0 ? { before: { city: `Town ${i}` }, after: { city: `Town ${i + 1}` } } : null,
  }));
}
