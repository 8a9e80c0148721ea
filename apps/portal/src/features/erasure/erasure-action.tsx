"use client";

import {
  type ErasureLevel,
  type ErasurePlan,
  type ErasureReason,
  erasureLevels,
  erasureReasons,
  erasureRequiredRole,
  mayErase,
  type StaffRole,
} from "@purposeful/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { ErasurePreview, RecipientList } from "./erasure-preview";
import { MarkNotifiedButton } from "./mark-notified-button";

const input = "w-full rounded border border-slate-300 bg-white px-3 py-2";

/**
 * Issue 9 #1: "Erase…" on the person page. A level (those above the user's role disabled, with the
 * role they need), a reason and an optional note; the preview from `erasure.preview` says exactly
 * what will happen; the destructive button stays disabled until the preview is confirmed as checked.
 * Afterwards: the result with the Art. 19 recipients and their "notified" step.
 */
export function ErasureAction({
  personId,
  role,
  erasedLevel,
  onErased,
}: {
  personId: string;
  role: StaffRole;
  /** the person's current level (0: not erased); lower or equal levels are done already */
  erasedLevel: number;
  /** run from a request case (issue 11): the case's step records the erasure once the dialog closes */
  onErased?: (erasureId: string) => void;
}) {
  const t = useTranslations("erasure");
  const tr = useTranslations("roles");
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<ErasureLevel | null>(null);
  const [reason, setReason] = useState<ErasureReason | "">("");
  const [note, setNote] = useState("");
  const [checked, setChecked] = useState(false);
  const [result, setResult] = useState<{ erasureId: string; plan: ErasurePlan } | null>(null);
  const [notified, setNotified] = useState(false);

  const preview = useQuery({
    ...trpc.erasure.preview.queryOptions({ personId, level: level ?? 1 }),
    enabled: open && level !== null && result === null,
    // The preview must be today's truth about the person, not a cached one.
    staleTime: 0,
  });
  const erase = useMutation(
    trpc.erasure.erase.mutationOptions({
      // The page is refreshed when the dialog closes: at level 3 the refreshed header no longer has
      // this action, which would take the result (and its "notified" step) away with it.
      onSuccess: (done) => setResult(done),
    }),
  );

  function show() {
    setLevel(null);
    setReason("");
    setNote("");
    setChecked(false);
    setResult(null);
    setNotified(false);
    erase.reset();
    setOpen(true);
    dialog.current?.showModal();
  }

  function close() {
    dialog.current?.close();
  }

  const plan = preview.data && preview.data.level === level ? preview.data : null;
  const ready = level !== null && reason !== "" && plan !== null && !plan.alreadyDone && checked;

  return (
    <>
      <button
        type="button"
        onClick={show}
        title={t("actionHint")}
        className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        {t("action")}
      </button>
      <dialog
        ref={dialog}
        onClose={() => {
          setOpen(false);
          if (!result) return;
          // After the result (and its "notified" step) was seen: a case records the erasure then.
          onErased?.(result.erasureId);
          router.refresh();
        }}
        aria-labelledby="erasure-dialog-title"
        className="m-auto w-full max-w-2xl rounded-lg p-6 backdrop:bg-slate-900/40"
      >
        <h2 id="erasure-dialog-title" className="mb-2 text-lg font-semibold">
          {t("dialogTitle")}
        </h2>
        {result ? (
          <div className="space-y-3 text-sm" data-testid="erasure-result">
            <p className="rounded bg-green-50 px-3 py-2 font-medium text-green-900">
              {t("result.title", { level: result.plan.level })}
            </p>
            <RecipientList
              recipients={result.plan.recipients}
              intro={t("result.recipients")}
              none={t("result.noRecipients")}
            />
            {result.plan.recipients.length > 0 && !notified && (
              <MarkNotifiedButton
                erasureId={result.erasureId}
                refresh={false}
                onDone={() => setNotified(true)}
              />
            )}
            {notified && <p className="text-green-900">{t("result.notifiedNow")}</p>}
            <div className="flex justify-end">
              <button type="button" onClick={close} className="rounded border border-slate-300 px-3 py-1.5">
                {t("close")}
              </button>
            </div>
          </div>
        ) : (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (ready) erase.mutate({ personId, level, reason, note });
            }}
          >
            <p className="text-sm text-slate-700">{t("intro")}</p>
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium">{t("level")}</legend>
              {erasureLevels.map((option) => {
                const allowed = mayErase(role, option);
                const done = option <= erasedLevel;
                return (
                  <div key={option} className="flex items-start gap-2">
                    <input
                      type="radio"
                      name="erasure-level"
                      id={`erasure-level-${option}`}
                      value={option}
                      checked={level === option}
                      disabled={!allowed || done}
                      onChange={() => {
                        setLevel(option);
                        setChecked(false);
                      }}
                      aria-describedby={`erasure-level-${option}-hint`}
                      className="mt-1"
                    />
                    <div className={!allowed || done ? "text-slate-500" : ""}>
                      <label htmlFor={`erasure-level-${option}`} className="font-medium">
                        {t(`levels.${option}.name`)}
                      </label>
                      <p id={`erasure-level-${option}-hint`} className="text-sm">
                        {t(`levels.${option}.description`)}
                        {!allowed && (
                          <span className="ml-1 font-medium text-amber-900" data-testid="erasure-role-needed">
                            {t("requiresRole", { role: tr(erasureRequiredRole[option]) })}
                          </span>
                        )}
                        {allowed && done && <span className="ml-1 font-medium">{t("alreadyAtLevel")}</span>}
                      </p>
                    </div>
                  </div>
                );
              })}
            </fieldset>
            <div className="grid gap-3 md:grid-cols-2">
              <label>
                <span className="mb-1 block text-sm font-medium">{t("reason")}</span>
                <select
                  value={reason}
                  required
                  onChange={(event) => setReason(event.target.value as ErasureReason | "")}
                  className={input}
                >
                  <option value="">{t("reasonPlaceholder")}</option>
                  {erasureReasons.map((option) => (
                    <option key={option} value={option}>
                      {t(`reasons.${option}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="mb-1 block text-sm font-medium">{t("note")}</span>
                <input
                  value={note}
                  maxLength={2000}
                  placeholder={t("notePlaceholder")}
                  onChange={(event) => setNote(event.target.value)}
                  className={input}
                />
              </label>
            </div>
            <section aria-labelledby="erasure-preview-title" className="rounded border border-slate-200 p-3">
              <h3 id="erasure-preview-title" className="mb-2 font-semibold">
                {t("preview.title")}
              </h3>
              <div aria-live="polite">
                {level === null && <p className="text-sm text-slate-600">{t("preview.chooseLevel")}</p>}
                {level !== null && !plan && !preview.error && (
                  <p className="text-sm text-slate-600">{t("preview.loading")}</p>
                )}
                {preview.error && (
                  <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
                    {preview.error.message}
                  </p>
                )}
                {plan && <ErasurePreview plan={plan} />}
              </div>
            </section>
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                checked={checked}
                disabled={!plan || plan.alreadyDone}
                onChange={(event) => setChecked(event.target.checked)}
              />
              {t("confirmPreview")}
            </label>
            {erase.error && (
              <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
                {erase.error.message}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <button type="button" onClick={close} className="rounded border border-slate-300 px-3 py-1.5">
                {t("cancel")}
              </button>
              <button
                type="submit"
                disabled={!ready || erase.isPending}
                className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-50"
              >
                {erase.isPending ? t("submitting") : level ? t("submit", { level }) : t("submitPlain")}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
