"use client";

import { type CaseStepState, roleAtLeast, type StaffRole } from "@purposeful/domain";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { buttonClass, inputClass, primaryClass, useCaseFormat } from "./case-format";

export interface StepDone {
  key: string;
  doneAt: Date;
  doneByName: string | null;
  note: string | null;
  skippedReason: string | null;
}

const tone: Record<CaseStepState["status"], string> = {
  done: "border-green-300 bg-green-50",
  skipped: "border-slate-300 bg-slate-50",
  open: "border-blue-300 bg-white",
  locked: "border-slate-200 bg-white opacity-70",
};
const mark: Record<CaseStepState["status"], string> = { done: "✓", skipped: "↷", open: "→", locked: "·" };

/**
 * Issue 11 #2: the guided steps of a case in their order, as packages/domain defines them — each
 * with its article, who did it and when (or why it was skipped), why it is locked, and for the open
 * one the buttons the user's role allows. `action` renders what a step runs from the case.
 */
export function CaseSteps({
  steps,
  done,
  role,
  busy,
  onComplete,
  action,
  ownForm,
}: {
  steps: CaseStepState[];
  done: StepDone[];
  role: StaffRole;
  busy: boolean;
  onComplete: (input: { key: string; note: string | null; skipReason: string | null }) => void;
  action?: (step: CaseStepState) => ReactNode;
  /** steps whose `action` is their whole form (the identity check, the risk assessment) */
  ownForm?: ReadonlySet<string>;
}) {
  const t = useTranslations("case");
  const ts = useTranslations("steps");
  const f = useCaseFormat();
  const byKey = new Map(done.map((step) => [step.key, step]));
  return (
    <ol className="space-y-2" aria-label={t("steps")}>
      {steps.map((step) => {
        const record = byKey.get(step.key);
        return (
          <li
            key={step.key}
            data-testid={`step-${step.key}`}
            data-status={step.status}
            className={`rounded border p-3 ${tone[step.status]}`}
          >
            <div className="flex flex-wrap items-baseline gap-2">
              <span aria-hidden className="w-4 font-semibold">
                {mark[step.status]}
              </span>
              <span className="font-medium">{ts(step.key)}</span>
              <span className="text-xs text-slate-600">{step.article}</span>
              {step.mandatory && <span className="text-xs text-slate-600">· {t("mandatory")}</span>}
              {step.role === "dpo" && <span className="text-xs text-slate-600">· {t("dpoOnly")}</span>}
            </div>
            {record && (
              <p className="ml-6 text-sm text-slate-700">
                {record.skippedReason
                  ? t("stepSkipped", {
                      at: f.instant(record.doneAt),
                      by: record.doneByName ?? "—",
                      reason: record.skippedReason,
                    })
                  : t("stepDone", { at: f.instant(record.doneAt), by: record.doneByName ?? "—" })}
                {record.note ? ` — ${record.note}` : ""}
              </p>
            )}
            {step.status === "locked" && (
              <p className="ml-6 text-sm text-slate-600">
                {step.lockedBy === "identity" ? t("lockedIdentity") : t("lockedPrevious")}
              </p>
            )}
            {step.status === "open" && (
              <div className="ml-6 mt-2 space-y-2">
                {action?.(step)}
                <OpenStep
                  step={step}
                  allowed={roleAtLeast(role, step.role)}
                  busy={busy}
                  onComplete={onComplete}
                  skipOnly={ownForm?.has(step.key) ?? false}
                />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function OpenStep({
  step,
  allowed,
  busy,
  onComplete,
  skipOnly,
}: {
  step: CaseStepState;
  allowed: boolean;
  busy: boolean;
  onComplete: (input: { key: string; note: string | null; skipReason: string | null }) => void;
  /** the step's own form completes it: offer only the skip, where the step may be skipped */
  skipOnly: boolean;
}) {
  const t = useTranslations("case");
  const [note, setNote] = useState("");
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState("");
  if (!allowed || (skipOnly && !step.skippable)) return null;
  if (skipping)
    return (
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          onComplete({ key: step.key, note: null, skipReason: reason });
        }}
      >
        <label className="block text-sm">
          {t("skipReason")}
          <textarea
            rows={2}
            className={inputClass}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <div className="flex gap-2">
          <button type="submit" className={primaryClass} disabled={busy}>
            {t("confirmSkip")}
          </button>
          <button type="button" className={buttonClass} onClick={() => setSkipping(false)}>
            {t("cancel")}
          </button>
        </div>
      </form>
    );
  if (skipOnly)
    return (
      <button type="button" className={buttonClass} onClick={() => setSkipping(true)}>
        {t("skip")}
      </button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        className={`${inputClass} max-w-md py-1`}
        aria-label={t("note")}
        placeholder={t("note")}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <button
        type="button"
        className={primaryClass}
        disabled={busy}
        onClick={() => onComplete({ key: step.key, note: note.trim() || null, skipReason: null })}
      >
        {t("complete")}
      </button>
      {step.skippable && (
        <button type="button" className={buttonClass} onClick={() => setSkipping(true)}>
          {t("skip")}
        </button>
      )}
    </div>
  );
}
