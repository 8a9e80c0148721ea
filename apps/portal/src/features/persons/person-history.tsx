import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getServerCaller } from "../../server/caller";
import {
  actionLabel,
  actorLabel,
  asChanges,
  auditTimeZone,
  labelOf,
  stateChange,
  type Translate,
} from "../audit/audit-format";
import { NoEntries, PersonSection } from "./person-section";

/** What the event was about: the purpose's name, or the kind of a stored document. */
function subjectOf(
  t: Translate,
  changes: Record<string, unknown>,
  purposes: { byKey: Map<string, string>; byId: Map<string, string> },
): string | null {
  if (typeof changes.purposeKey === "string")
    return purposes.byKey.get(changes.purposeKey) ?? changes.purposeKey;
  if (Array.isArray(changes.purposeIds))
    return changes.purposeIds.map((id) => purposes.byId.get(String(id)) ?? String(id)).join(", ");
  if (typeof changes.kind === "string") return labelOf(t, "person.documentKinds", changes.kind);
  return null;
}

/**
 * The person's history from the audit trail, newest first: who granted or withdrew which consent,
 * when, how, and with which evidence.
 */
export async function PersonHistory({ personId }: { personId: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const { caller } = await getServerCaller();
  const [history, purposeOptions] = await Promise.all([
    caller.audit.personHistory({ personId }),
    caller.purposes.options(),
  ]);
  const purposes = {
    byKey: new Map(purposeOptions.map((p) => [p.key, p.name ?? p.key])),
    byId: new Map(purposeOptions.map((p) => [p.id, p.name ?? p.key])),
  };

  return (
    <PersonSection id="history" title={t("audit.history.title")} testId="person-history">
      {history.rows.length === 0 ? (
        <NoEntries text={t("audit.history.none")} />
      ) : (
        <ol className="divide-y divide-slate-100 text-sm">
          {history.rows.map((event) => {
            const changes = asChanges(event.changes);
            const subject = subjectOf(t, changes, purposes);
            const states = stateChange(t, changes);
            const what = actionLabel(t, event.action);
            return (
              <li
                key={event.id}
                data-testid="history-event"
                data-action={event.action}
                className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2"
              >
                <time
                  dateTime={event.occurredAt.toISOString()}
                  className="whitespace-nowrap tabular-nums text-slate-600"
                >
                  {format.dateTime(event.occurredAt, {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: auditTimeZone,
                  })}
                </time>
                <span className="font-medium">
                  {subject ? t("audit.history.what", { what, subject }) : what}
                </span>
                {states && <span>{states}</span>}
                {typeof changes.source === "string" && (
                  <span className="text-slate-700">
                    {t("audit.summary.source", { value: labelOf(t, "sources", changes.source) })}
                  </span>
                )}
                {typeof changes.evidence === "string" && (
                  <span className="text-slate-700">
                    {t("audit.summary.evidence", {
                      value: labelOf(t, "audit.evidenceKinds", changes.evidence),
                    })}
                  </span>
                )}
                <span className="text-slate-700">
                  {t("audit.history.by", {
                    actor:
                      event.actorType === "staff"
                        ? actorLabel(t, event)
                        : labelOf(t, "audit.history.actors", event.actorType),
                  })}
                </span>
                {event.erased && (
                  <span className="italic text-slate-600" data-testid="history-erased">
                    {t("audit.history.erased")}
                  </span>
                )}
                {event.evidenceDocumentId && (
                  <Link
                    href={`/documents/${event.evidenceDocumentId}`}
                    className="text-blue-800 hover:underline"
                  >
                    {t("audit.openEvidence")}
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {history.nextBeforeId !== null && (
        <p className="mt-2 text-xs text-slate-600">
          {t("audit.history.newestOnly", { count: history.rows.length })}
        </p>
      )}
    </PersonSection>
  );
}
