"use client";

import { type CaseStepState, roleAtLeast, type StaffRole } from "@purposeful/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { AddFollowUp } from "../follow-ups/add-follow-up";
import { PersonSection } from "../persons/person-section";
import { useCaseFormat } from "./case-format";
import { CaseHistory, CaseLinkedItems, CasePersons } from "./case-record-panels";
import { CaseSteps } from "./case-steps";
import { CaseLoading, ErrorAlert } from "./case-ui";
import { AuthorityNotificationLink, SubjectsNotification } from "./incident-actions";
import { IncidentClock } from "./incident-clock";
import { AssessRiskForm, NotifyAuthorityForm } from "./incident-forms";
import { LinkIncidentPersons } from "./link-incident-persons";

const ownForm = new Set(["assess_risk", "notify_authority", "notify_data_subjects"]);

/**
 * Issue 11 #6: one breach — the live 72-hour clock, what happened, the risk assessment and the
 * notifications it makes mandatory (packages/domain), the guided steps, persons and history.
 */
export function IncidentCase({ incidentId, role }: { incidentId: string; role: StaffRole }) {
  const t = useTranslations("incidents");
  const f = useCaseFormat();
  const trpc = useTRPC();
  const view = useQuery(trpc.incidents.get.queryOptions({ incidentId }));
  const record = useQuery(trpc.incidents.record.queryOptions({ incidentId }));
  const items = useQuery(trpc.incidents.items.queryOptions({ incidentId }));
  const queryClient = useQueryClient();
  // Every query of this router: the case, its record, its items (and the list behind it).
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
  const link = useMutation(trpc.incidents.linkItem.mutationOptions({ onSuccess: refresh }));
  const assess = useMutation(trpc.incidents.assess.mutationOptions({ onSuccess: refresh }));
  const complete = useMutation(trpc.incidents.completeStep.mutationOptions({ onSuccess: refresh }));
  const busy = assess.isPending || complete.isPending;
  const error = link.error ?? assess.error ?? complete.error ?? view.error ?? record.error;

  const c = view.data;
  if (!c) return <CaseLoading error={error} />;

  function stepAction(step: CaseStepState) {
    if (!roleAtLeast(role, step.role)) return null;
    if (step.key === "assess_risk")
      return (
        <AssessRiskForm
          busy={busy}
          onAssess={(input) =>
            assess.mutate({
              incidentId,
              ...input,
              consequences: input.consequences || null,
              measures: input.measures || null,
            })
          }
        />
      );
    if (step.key === "notify_data_subjects")
      return <SubjectsNotification incidentId={incidentId} role={role} />;
    if (step.key === "notify_authority")
      return (
        <>
          <AuthorityNotificationLink incidentId={incidentId} />
          <NotifyAuthorityForm
            deadline={c?.clock.deadline ?? new Date()}
            busy={busy}
            onNotified={(input) => complete.mutate({ incidentId, key: "notify_authority", ...input })}
          />
        </>
      );
    return null;
  }

  const required = c.required
    ? [
        c.required.authority ? t("requiredAuthority") : null,
        c.required.dataSubjects ? t("requiredSubjects") : null,
      ].filter((item): item is string => item !== null)
    : null;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link href="/incidents" className="hover:underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {c.number} · {c.title}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>
            {t("columns.aware")}: {f.instant(c.awareAt)}
          </span>
          <IncidentClock
            incident={{ ...c.clock, authorityNotifiedAt: c.authorityNotifiedAt, status: c.status }}
          />
          {!c.authorityNotifiedAt && <span>{t("deadline", { at: f.instant(c.clock.deadline) })}</span>}
        </p>
        <p className="text-sm" data-testid="incident-risk">
          {t("columns.risk")}: {c.risk ? t(`risk.${c.risk}`) : t("notAssessed")}
          {required &&
            ` — ${required.length > 0 ? t("required", { list: required.join(", ") }) : t("requiredNone")}`}
        </p>
      </header>
      <ErrorAlert error={error} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <PersonSection id="incident-steps" title={t("columns.next")} testId="case-steps">
            <CaseSteps
              steps={c.progress.steps}
              done={record.data?.steps ?? []}
              role={role}
              busy={busy}
              onComplete={(input) => complete.mutate({ incidentId, ...input })}
              action={stepAction}
              ownForm={ownForm}
            />
          </PersonSection>
          <PersonSection id="incident-facts" title={t("fields.nature")}>
            <p className="whitespace-pre-wrap text-sm">{c.nature}</p>
            {c.dataCategories.length > 0 && (
              <p className="mt-2 text-sm">
                {t("categories")}: {c.dataCategories.join(", ")}
              </p>
            )}
            <p className="mt-1 text-sm">
              {t("approx", { subjects: c.subjectsApprox ?? "?", records: c.recordsApprox ?? "?" })}
            </p>
            {c.riskReasons && (
              <p className="mt-2 text-sm">
                {t("reasons")}: {c.riskReasons}
              </p>
            )}
          </PersonSection>
        </div>
        <div className="space-y-6">
          <CasePersons persons={record.data?.persons ?? []}>
            {c.status !== "closed" && <LinkIncidentPersons incidentId={incidentId} onLinked={refresh} />}
          </CasePersons>
          <CaseLinkedItems
            documents={record.data?.documents ?? []}
            activities={record.data?.activities ?? []}
            linkable={items.data ?? null}
            busy={link.isPending}
            onLink={(item) => link.mutate({ incidentId, ...item })}
          />
          {c.status !== "closed" && <AddFollowUp incidentId={incidentId} />}
          <CaseHistory events={record.data?.history ?? []} />
        </div>
      </div>
    </div>
  );
}
