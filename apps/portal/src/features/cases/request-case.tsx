"use client";

import { type CaseStepState, roleAtLeast, type StaffRole } from "@purposeful/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { AddFollowUp } from "../follow-ups/add-follow-up";
import { PersonSection } from "../persons/person-section";
import { AnswerForm } from "./answer-form";
import { AssigneeSelect } from "./assignee-select";
import { dueTone, useCaseFormat } from "./case-format";
import { CasePersonAction } from "./case-person-action";
import { CaseHistory, CaseLinkedItems, CasePersons } from "./case-record-panels";
import { CaseSteps } from "./case-steps";
import { CaseLoading, ErrorAlert } from "./case-ui";
import { ExtendForm, ExtensionNotice, IdentityForm } from "./identity-form";

// The extension notice and the answer are mails sent from their steps; without the requester's
// address the person is told another way and the step marked done by hand.
const ownFormWithMail = new Set(["verify_identity", "notify_extension", "confirm_to_person"]);
const ownFormWithoutMail = new Set(["verify_identity"]);

/**
 * Issue 11 #1–#4: one request case — its deadline, the requester and what they asked, the
 * identity check, the guided steps (those that run an action run it here, for each linked person),
 * the extension, and the linked persons, documents and history.
 */
export function RequestCase({ requestId, role }: { requestId: string; role: StaffRole }) {
  const t = useTranslations("case");
  const tr = useTranslations("requests");
  const tt = useTranslations("requestTypes");
  const tc = useTranslations("requestChannels");
  const tm = useTranslations("identityMethods");
  const tst = useTranslations("requestStatus");
  const f = useCaseFormat();
  const trpc = useTRPC();
  const view = useQuery(trpc.requests.get.queryOptions({ requestId }));
  const record = useQuery(trpc.requests.record.queryOptions({ requestId }));
  const items = useQuery(trpc.requests.items.queryOptions({ requestId }));
  const queryClient = useQueryClient();
  // Every query of this router: the case, its record, its items (and the list behind it).
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() });
  const link = useMutation(trpc.requests.linkItem.mutationOptions({ onSuccess: refresh }));
  const verify = useMutation(trpc.requests.verifyIdentity.mutationOptions({ onSuccess: refresh }));
  const complete = useMutation(trpc.requests.completeStep.mutationOptions({ onSuccess: refresh }));
  const extend = useMutation(trpc.requests.extend.mutationOptions({ onSuccess: refresh }));
  const notice = useMutation(trpc.requests.sendExtensionNotice.mutationOptions({ onSuccess: refresh }));
  const answer = useMutation(trpc.requests.sendAnswer.mutationOptions({ onSuccess: refresh }));
  const busy = verify.isPending || complete.isPending || extend.isPending;
  const error =
    answer.error ??
    notice.error ??
    link.error ??
    verify.error ??
    complete.error ??
    extend.error ??
    view.error ??
    record.error;

  const c = view.data;
  if (!c) return <CaseLoading error={error} />;
  const persons = record.data?.persons ?? [];
  const closed = c.status === "closed";

  function stepAction(step: CaseStepState) {
    if (step.key === "verify_identity")
      return <IdentityForm busy={busy} onVerify={(input) => verify.mutate({ requestId, ...input })} />;
    if (step.key === "confirm_to_person" && c?.requesterEmail)
      return roleAtLeast(role, step.role) ? (
        <AnswerForm
          busy={answer.isPending}
          defaultLanguage={persons[0]?.preferredLanguage ?? "de"}
          onSend={(input) => answer.mutate({ requestId, ...input })}
        />
      ) : null;
    if (step.key === "notify_extension")
      return roleAtLeast(role, "dpo") ? (
        <ExtensionNotice
          busy={notice.isPending}
          defaultLanguage={persons[0]?.preferredLanguage ?? "de"}
          hasAddress={Boolean(c?.requesterEmail)}
          onSend={(language) => notice.mutate({ requestId, language })}
        />
      ) : null;
    if (!step.action || !roleAtLeast(role, step.role)) return null;
    return (
      <div className="space-y-2 rounded border border-slate-200 bg-slate-50 p-2">
        <p className="text-xs text-slate-600">{t("actionHint")}</p>
        {persons
          .filter((person) => person.erasedLevel < 3)
          .map((person) => (
            <CasePersonAction
              key={person.id}
              stepKey={step.key}
              person={person}
              role={role}
              requestId={requestId}
              onErased={(erasureId) =>
                complete.mutate({ requestId, key: "erase", note: null, result: { erasureId } })
              }
            />
          ))}
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link href="/requests" className="hover:underline">
            {tr("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {c.number} · {tt(c.type)}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded bg-slate-100 px-2 py-0.5" data-testid="case-status">
            {tst(c.status)}
          </span>
          <span>{t("received", { at: f.instant(c.receivedAt), channel: tc(c.channel) })}</span>
          <span
            data-testid="case-due"
            className={`rounded px-2 py-0.5 ${closed ? "bg-slate-100" : dueTone(c.daysLeft, c.overdue)}`}
          >
            {c.extended
              ? t("dueExtended", { due: f.day(c.dueDate), reason: c.extensionReason ?? "" })
              : t("due", { due: f.day(c.dueDate) })}
            {!closed &&
              ` · ${c.overdue ? tr("overdue", { days: -c.daysLeft }) : tr("daysLeft", { days: c.daysLeft })}`}
          </span>
        </p>
        {c.identity && (
          <p className="text-sm text-slate-700" data-testid="case-identity">
            {t("identity")}:{" "}
            {t("identityVerified", {
              method: tm(c.identity.method),
              at: f.instant(c.identity.verifiedAt),
              by: record.data?.steps.find((s) => s.key === "verify_identity")?.doneByName ?? "—",
            })}
          </p>
        )}
        <AssigneeSelect
          requestId={requestId}
          assigneeId={c.assigneeId}
          disabled={closed}
          onChanged={refresh}
        />
        {!closed && !c.extended && roleAtLeast(role, "dpo") && (
          <ExtendForm busy={busy} onExtend={(reason) => extend.mutate({ requestId, reason })} />
        )}
      </header>
      <ErrorAlert error={error} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <PersonSection id="case-steps" title={t("steps")} testId="case-steps">
            {closed && <p className="mb-2 text-sm text-green-900">{t("closedNote")}</p>}
            <CaseSteps
              steps={c.progress.steps}
              done={record.data?.steps ?? []}
              role={role}
              busy={busy}
              onComplete={(input) => complete.mutate({ requestId, ...input })}
              action={stepAction}
              ownForm={c.requesterEmail ? ownFormWithMail : ownFormWithoutMail}
            />
          </PersonSection>
          <PersonSection id="case-request" title={t("description")}>
            <p className="text-sm">
              {t("requester")}: {[c.requesterName, c.requesterEmail].filter(Boolean).join(" · ") || "—"}
            </p>
            {c.description && <p className="mt-2 whitespace-pre-wrap text-sm">{c.description}</p>}
          </PersonSection>
        </div>
        <div className="space-y-6">
          <CasePersons persons={persons} />
          <CaseLinkedItems
            documents={record.data?.documents ?? []}
            activities={record.data?.activities ?? []}
            linkable={items.data ?? null}
            busy={link.isPending}
            onLink={(item) => link.mutate({ requestId, ...item })}
          />
          {!closed && <AddFollowUp requestId={requestId} />}
          <CaseHistory events={record.data?.history ?? []} />
        </div>
      </div>
    </div>
  );
}
