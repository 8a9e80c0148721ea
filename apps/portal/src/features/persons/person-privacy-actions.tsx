"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { useTRPC } from "../../trpc/react";

const button =
  "min-h-11 rounded border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";
const primaryButton =
  "min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60";
const dangerButton =
  "min-h-11 rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60";
const inputClass = "w-full rounded border border-slate-300 bg-white px-3 py-2";

/** A button that opens a modal dialog with a form; the dialog closes when `onSubmit` resolves true. */
function FormDialog({
  open,
  title,
  testId,
  children,
  error,
  pending,
  submitLabel,
  onSubmit,
  danger,
}: {
  open: string;
  title: string;
  testId: string;
  children: ReactNode;
  error: string | undefined;
  pending: boolean;
  submitLabel: string;
  onSubmit: (form: FormData) => Promise<boolean>;
  danger?: boolean;
}) {
  const t = useTranslations("privacy");
  const dialog = useRef<HTMLDialogElement>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (await onSubmit(new FormData(form))) {
      form.reset();
      dialog.current?.close();
    }
  }
  return (
    <>
      <button type="button" className={button} onClick={() => dialog.current?.showModal()}>
        {open}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${testId}-title`}
        data-testid={testId}
        className="w-full max-w-lg rounded-lg p-6 backdrop:bg-slate-900/40"
      >
        <form onSubmit={submit} className="space-y-3">
          <h3 id={`${testId}-title`} className="text-lg font-semibold">
            {title}
          </h3>
          {children}
          <div aria-live="polite">
            {error && <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
          </div>
          <div className="flex justify-end gap-2">
            <button type="button" className={button} onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </button>
            <button type="submit" disabled={pending} className={danger ? dangerButton : primaryButton}>
              {pending ? t("saving") : submitLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

function ReasonField() {
  const t = useTranslations("privacy");
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium">{t("reason")}</span>
      <textarea name="reason" rows={3} maxLength={2000} className={inputClass} />
    </label>
  );
}

/** Restrict (Art. 18(1)) or lift the restriction, each with a reason; lifting tells the person (Art. 18(3)). */
export function RestrictionDialog({ personId, restricted }: { personId: string; restricted: boolean }) {
  const t = useTranslations("privacy");
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<"queued" | "none" | null>(null);
  const restrict = useMutation(trpc.persons.restrict.mutationOptions({ onSuccess: () => router.refresh() }));
  const lift = useMutation(
    trpc.persons.liftRestriction.mutationOptions({
      onSuccess: (result) => {
        setNotice(result.noticeQueued ? "queued" : "none");
        router.refresh();
      },
    }),
  );
  const mutation = restricted ? lift : restrict;
  const submit = (form: FormData) =>
    mutation
      .mutateAsync({ personId, reason: String(form.get("reason") ?? "") })
      .then(() => true)
      .catch(() => false);
  return (
    <div className="space-y-2">
      <FormDialog
        open={restricted ? t("lift") : t("restrict")}
        title={restricted ? t("liftTitle") : t("restrictTitle")}
        testId={restricted ? "lift-restriction-dialog" : "restrict-dialog"}
        error={mutation.error?.message}
        pending={mutation.isPending}
        submitLabel={restricted ? t("confirmLift") : t("confirmRestrict")}
        onSubmit={submit}
        danger={!restricted}
      >
        <p className="text-sm text-slate-700">{restricted ? t("liftHint") : t("restrictHint")}</p>
        <ReasonField />
      </FormDialog>
      {notice && !restricted && (
        <p role="status" className="text-sm text-slate-700" data-testid="lift-notice">
          {notice === "queued" ? t("noticeQueued") : t("noticeNone")}
        </p>
      )}
    </div>
  );
}

/** Sets (or changes) the retain-until date by hand, with a reason. */
export function RetentionDateDialog({ personId, current }: { personId: string; current: string | null }) {
  const t = useTranslations("privacy");
  const trpc = useTRPC();
  const router = useRouter();
  const set = useMutation(
    trpc.persons.setRetentionDate.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const submit = (form: FormData) =>
    set
      .mutateAsync({
        personId,
        until: String(form.get("until") ?? ""),
        reason: String(form.get("reason") ?? ""),
      })
      .then(() => true)
      .catch(() => false);
  return (
    <FormDialog
      open={current ? t("changeDate") : t("setDate")}
      title={t("setDateTitle")}
      testId="retention-date-dialog"
      error={set.error?.message}
      pending={set.isPending}
      submitLabel={t("save")}
      onSubmit={submit}
    >
      <p className="text-sm text-slate-700">{t("setDateHint")}</p>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("dateLabel")}</span>
        <input type="date" name="until" defaultValue={current ?? ""} className={inputClass} />
      </label>
      <ReasonField />
    </FormDialog>
  );
}

/** Removes the manual date after a confirmation; the computed date applies again. */
export function ClearRetentionDate({ personId }: { personId: string }) {
  const t = useTranslations("privacy");
  const trpc = useTRPC();
  const router = useRouter();
  const clear = useMutation(
    trpc.persons.clearRetentionDate.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        disabled={clear.isPending}
        onClick={() => {
          if (window.confirm(t("confirmClear"))) clear.mutate({ personId });
        }}
      >
        {t("clearDate")}
      </button>
      {clear.error && (
        <span className="rounded bg-red-50 px-2 py-1 text-sm text-red-800">{clear.error.message}</span>
      )}
    </span>
  );
}
