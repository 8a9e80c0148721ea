"use client";

import { type LegalHold, type RetentionDutyKey, retentionDutyKeys } from "@purposeful/domain";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

const inputClass = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
const smallButton =
  "min-h-9 rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";

export interface RetentionFacts {
  retentionClass: RetentionDutyKey | null;
  retentionDate: string | null;
  hold: LegalHold | null;
  /** set by an erasure: kept restricted until then */
  heldUntil?: string | null;
}

/** A retention class and its date as selects; `retentionDate` empty means the day the item was stored. */
export function RetentionClassFields({
  defaultClass,
  defaultDate,
}: {
  defaultClass: RetentionDutyKey | null;
  defaultDate: string | null;
}) {
  const t = useTranslations("retentionClass");
  return (
    <>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("label")}</span>
        <select name="retentionClass" defaultValue={defaultClass ?? ""} className={inputClass}>
          <option value="">{t("classes.none")}</option>
          {retentionDutyKeys.map((key) => (
            <option key={key} value={key}>
              {t(`classes.${key}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("date")}</span>
        <input type="date" name="retentionDate" defaultValue={defaultDate ?? ""} className={inputClass} />
        <span className="mt-1 block text-xs text-slate-600">{t("dateHint")}</span>
      </label>
    </>
  );
}

/** The class field of a form as the procedures take it. */
export function retentionFromForm(form: FormData): {
  retentionClass: RetentionDutyKey | null;
  retentionDate: string | null;
} {
  const value = String(form.get("retentionClass") ?? "");
  const retentionClass = (retentionDutyKeys as readonly string[]).includes(value)
    ? (value as RetentionDutyKey)
    : null;
  return { retentionClass, retentionDate: String(form.get("retentionDate") ?? "").trim() || null };
}

/**
 * A document's or bank account's retention class (HGB §257, AO §147), its date and the end of the
 * hold it gives (`legalHoldFor`), with a small form to change it.
 */
export function RetentionClassCell({
  facts,
  target,
}: {
  facts: RetentionFacts;
  target: { documentId: string } | { personId: string; bankAccountId: string };
}) {
  const t = useTranslations("retentionClass");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const onSuccess = () => {
    setEditing(false);
    router.refresh();
  };
  const document = useMutation(trpc.persons.setDocumentRetention.mutationOptions({ onSuccess }));
  const bank = useMutation(trpc.persons.setBankAccountRetention.mutationOptions({ onSuccess }));
  const mutation = "documentId" in target ? document : bank;
  const day = (value: string) =>
    format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const retention = retentionFromForm(new FormData(event.currentTarget));
    if ("documentId" in target) document.mutate({ documentId: target.documentId, ...retention });
    else bank.mutate({ ...target, ...retention });
  }

  return (
    <div className="space-y-1 text-sm" data-testid="retention-class">
      {facts.retentionClass ? (
        <>
          <p>{t(`classes.${facts.retentionClass}`)}</p>
          {facts.retentionDate && (
            <p className="text-slate-600">{t("from", { date: day(facts.retentionDate) })}</p>
          )}
          {facts.hold && (
            <p className="text-slate-600" title={facts.hold.source}>
              {t("holdUntil", { date: day(facts.hold.until) })}
            </p>
          )}
        </>
      ) : (
        <p className="text-slate-600">{t("classes.none")}</p>
      )}
      {facts.heldUntil && (
        <p className="font-medium text-amber-900">{t("heldUntil", { date: day(facts.heldUntil) })}</p>
      )}
      {!facts.heldUntil &&
        (editing ? (
          <form onSubmit={submit} className="space-y-2 rounded border border-slate-200 p-2">
            <RetentionClassFields defaultClass={facts.retentionClass} defaultDate={facts.retentionDate} />
            <div className="flex flex-wrap gap-2">
              <button type="submit" disabled={mutation.isPending} className={smallButton}>
                {t("save")}
              </button>
              <button type="button" onClick={() => setEditing(false)} className={smallButton}>
                {t("cancel")}
              </button>
            </div>
            {mutation.error && (
              <p className="rounded bg-red-50 px-2 py-1 text-red-800">{mutation.error.message}</p>
            )}
          </form>
        ) : (
          <button type="button" onClick={() => setEditing(true)} className={smallButton}>
            {t("change")}
          </button>
        ))}
    </div>
  );
}
