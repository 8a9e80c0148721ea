"use client";

import type { CompanySettings } from "@purposeful/db";
import {
  germanFederalStates,
  maxAgeOfConsent,
  maxRetentionGraceDays,
  minAgeOfConsent,
  minRetentionGraceDays,
  type RetentionAction,
  retentionActions,
} from "@purposeful/domain";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTRPC } from "../../trpc/react";

const inputClass = "w-full rounded border border-slate-300 px-3 py-2 aria-invalid:border-red-600";
type Field = Exclude<keyof CompanySettings, "country">;

export function CompanySettingsForm({ initial }: { initial: CompanySettings }) {
  const t = useTranslations("companySettings");
  const trpc = useTRPC();
  const [saved, setSaved] = useState<"saved" | "unchanged" | null>(null);
  const update = useMutation(
    trpc.settings.updateCompany.mutationOptions({
      onSuccess: ({ changed }) => setSaved(changed.length > 0 ? "saved" : "unchanged"),
    }),
  );
  const fieldErrors =
    (update.error?.data as { fieldErrors?: Partial<Record<Field, string[]>> } | undefined)?.fieldErrors ?? {};
  // The server's zod messages are keys of companySettings.errors, shown in the user's language.
  const errorOf = (field: Field) => {
    const key = fieldErrors[field]?.[0];
    return key ? (t.has(`errors.${key}`) ? t(`errors.${key}`) : key) : null;
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: Field) => String(form.get(name) ?? "");
    setSaved(null);
    update.mutate({
      name: value("name"),
      address: value("address"),
      privacyContact: value("privacyContact"),
      controllerEmail: value("controllerEmail"),
      controllerPhone: value("controllerPhone"),
      dpoName: value("dpoName"),
      dpoEmail: value("dpoEmail"),
      dpoAddress: value("dpoAddress"),
      dpoPhone: value("dpoPhone"),
      authorityName: value("authorityName"),
      authorityAddress: value("authorityAddress"),
      authorityUrl: value("authorityUrl"),
      technicalMeasures: value("technicalMeasures"),
      privacyNoticeUrl: value("privacyNoticeUrl"),
      legalNoticeUrl: value("legalNoticeUrl"),
      region: value("region") as (typeof germanFederalStates)[number],
      ageOfConsent: Number(value("ageOfConsent")),
      retentionAction: value("retentionAction") as RetentionAction,
      retentionGraceDays: Number(value("retentionGraceDays")),
      // "7, 2" → [7, 2]; anything but numbers becomes NaN, which the server refuses with a message.
      reminderDaysBeforeDue: value("reminderDaysBeforeDue")
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(Number),
    });
  }

  // Fields with a help text have it under `companySettings.hints`.
  const field = (name: Field, control: (props: ControlProps) => ReactNode, wide = false) => (
    <Labelled
      key={name}
      name={name}
      label={t(name)}
      hint={t.has(`hints.${name}`) ? t(`hints.${name}`) : null}
      error={errorOf(name)}
      className={wide ? "md:col-span-2" : undefined}
    >
      {control}
    </Labelled>
  );
  const text = (name: Field, type: "text" | "email" | "url" | "tel" = "text", required = true) =>
    field(name, (props) => (
      <input
        {...props}
        type={type}
        required={required}
        defaultValue={String(initial[name] ?? "")}
        placeholder={type === "url" ? t("urlHint") : undefined}
        className={inputClass}
      />
    ));
  const area = (name: Field, rows: number, wide = false) =>
    field(
      name,
      (props) => (
        <textarea {...props} rows={rows} defaultValue={String(initial[name] ?? "")} className={inputClass} />
      ),
      wide,
    );

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("title")}
      className="grid max-w-4xl gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2"
    >
      {text("name")}
      {field("address", (props) => (
        <textarea {...props} required rows={2} defaultValue={initial.address} className={inputClass} />
      ))}
      {text("privacyContact", "email")}
      {text("controllerEmail", "email", false)}
      {text("controllerPhone", "tel", false)}
      {text("privacyNoticeUrl", "url")}
      {text("legalNoticeUrl", "url")}
      {field("region", (props) => (
        <select {...props} required defaultValue={initial.region ?? ""} className={inputClass}>
          <option value="" disabled>
            –
          </option>
          {germanFederalStates.map((state) => (
            <option key={state} value={state}>
              {t(`states.${state}`)}
            </option>
          ))}
        </select>
      ))}
      {field("ageOfConsent", (props) => (
        <input
          {...props}
          type="number"
          required
          min={minAgeOfConsent}
          max={maxAgeOfConsent}
          step={1}
          defaultValue={initial.ageOfConsent}
          className={inputClass}
        />
      ))}
      <h2 className="text-lg font-semibold md:col-span-2">{t("dpo")}</h2>
      {text("dpoName", "text", false)}
      {text("dpoEmail", "email", false)}
      {area("dpoAddress", 2)}
      {text("dpoPhone", "tel", false)}
      <h2 className="text-lg font-semibold md:col-span-2">{t("authority")}</h2>
      {text("authorityName", "text", false)}
      {text("authorityUrl", "url", false)}
      {area("authorityAddress", 2)}
      <h2 className="text-lg font-semibold md:col-span-2">{t("measures")}</h2>
      {area("technicalMeasures", 8, true)}
      <h2 className="text-lg font-semibold md:col-span-2">{t("retention")}</h2>
      {field("retentionAction", (props) => (
        <select {...props} required defaultValue={initial.retentionAction} className={inputClass}>
          {retentionActions.map((action) => (
            <option key={action} value={action}>
              {t(`retentionActions.${action}`)}
            </option>
          ))}
        </select>
      ))}
      {field("retentionGraceDays", (props) => (
        <input
          {...props}
          type="number"
          required
          min={minRetentionGraceDays}
          max={maxRetentionGraceDays}
          step={1}
          defaultValue={initial.retentionGraceDays}
          className={inputClass}
        />
      ))}
      <h2 className="text-lg font-semibold md:col-span-2">{t("deadlines")}</h2>
      {field("reminderDaysBeforeDue", (props) => (
        <input
          {...props}
          type="text"
          required
          inputMode="numeric"
          defaultValue={initial.reminderDaysBeforeDue.join(", ")}
          className={inputClass}
        />
      ))}
      <div className="flex items-center gap-4 md:col-span-2">
        <button
          type="submit"
          disabled={update.isPending}
          className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {update.isPending ? t("saving") : t("save")}
        </button>
        <div aria-live="polite" className="text-sm">
          {update.error && (
            <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
              {update.error.message}
            </p>
          )}
          {saved && <p className="rounded bg-green-50 px-3 py-2 text-green-900">{t(saved)}</p>}
        </div>
      </div>
    </form>
  );
}

interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

function Labelled(props: {
  name: Field;
  label: string;
  hint: string | null;
  error: string | null;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = `company-${props.name}`;
  const describedBy = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className={props.className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {props.label}
      </label>
      {props.children({
        id,
        name: props.name,
        "aria-invalid": props.error !== null,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {props.hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}
