"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { Field, inputClass, PurposeFields } from "./purpose-form-fields";
import { emptyPurpose, type PurposeFormValues, readPurposeForm } from "./purpose-form-values";

const fieldLabels: Record<string, string> = {
  key: "purposes.key",
  texts: "purposes.description",
  defaultLegalBasis: "purposes.basis",
  channels: "purposes.channels",
  retentionPeriod: "purposes.retention",
  dataSubjectCategories: "purposes.dataSubjectCategories",
  dataCategories: "purposes.dataCategories",
  thirdCountryTransfers: "purposeScope.transfers.title",
  recipients: "purposes.recipients",
  allowedLegalBases: "purposeScope.allowedBases",
};

/** The error in the user's language (localized by the server), naming the fields zod refused. */
function ErrorMessage({ error }: { error: { message: string; data?: unknown } | null }) {
  const t = useTranslations();
  if (!error) return null;
  const fieldErrors = (error.data as { fieldErrors?: Record<string, unknown> } | undefined)?.fieldErrors;
  const fields = Object.keys(fieldErrors ?? {}).map((field) =>
    fieldLabels[field] ? t(fieldLabels[field]) : field,
  );
  return (
    <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
      {error.message}
      {fields.length > 0 && ` (${fields.join(", ")})`}
    </p>
  );
}

const submitClass =
  "rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60";

export function CreatePurposeForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.purposes.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.purposes.list.queryKey() });
        router.push(`/purposes/${id}`);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ key: String(form.get("key") ?? "").trim(), ...readPurposeForm(form) });
  }

  return (
    <form
      onSubmit={submit}
      aria-labelledby="purpose-form-title"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2"
    >
      <h2 id="purpose-form-title" className="text-lg font-semibold md:col-span-2">
        {t("purposes.newTitle")}
      </h2>
      <Field id="purpose-key" label={t("purposes.key")} hint={t("purposes.keyHint")}>
        {(props) => (
          <input
            {...props}
            name="key"
            required
            maxLength={64}
            pattern="[a-z][a-z0-9_]*"
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <div className="hidden md:block" />
      <PurposeFields values={emptyPurpose} />
      <div className="md:col-span-2">
        <button type="submit" disabled={create.isPending} className={submitClass}>
          {create.isPending ? t("purposes.saving") : t("purposes.create")}
        </button>
      </div>
      <div aria-live="polite" className="md:col-span-2">
        <ErrorMessage error={create.error} />
      </div>
    </form>
  );
}

export function EditPurposeForm({ purposeId, values }: { purposeId: string; values: PurposeFormValues }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [material, setMaterial] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation(
    trpc.purposes.update.mutationOptions({
      onSuccess: async (result) => {
        setMaterial(false);
        const reasons = result.reasons.map((reason) => t(`purposeScope.reasons.${reason}`)).join(", ");
        setDone(
          !result.changed
            ? t("purposes.unchanged")
            : result.material
              ? t("purposeScope.savedMaterial", { version: result.version, reasons })
              : t("purposes.savedVersion", { version: result.version }),
        );
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.purposes.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.purposes.get.queryKey({ purposeId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.purposes.lightsJob.queryKey({ purposeId }) }),
        ]);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    update.mutate({ purposeId, material, ...readPurposeForm(new FormData(event.currentTarget)) });
  }

  return (
    <form
      onSubmit={submit}
      aria-labelledby="purpose-form-title"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2"
    >
      <h2 id="purpose-form-title" className="text-lg font-semibold md:col-span-2">
        {t("purposes.editTitle")}
      </h2>
      <PurposeFields values={values} />
      <div className="flex items-start gap-2 rounded border border-amber-200 bg-amber-50 p-3 md:col-span-2">
        <input
          id="purpose-material"
          type="checkbox"
          checked={material}
          onChange={(event) => setMaterial(event.target.checked)}
          aria-describedby="purpose-material-hint"
          className="mt-1"
        />
        <div>
          <label htmlFor="purpose-material" className="block text-sm font-medium">
            {t("purposes.material")}
          </label>
          <p id="purpose-material-hint" className="mt-1 text-xs text-amber-900">
            {t("purposes.materialHint")}
          </p>
        </div>
      </div>
      <div className="md:col-span-2">
        <button type="submit" disabled={update.isPending} className={submitClass}>
          {update.isPending ? t("purposes.saving") : t("purposes.save")}
        </button>
      </div>
      <div aria-live="polite" className="md:col-span-2">
        <ErrorMessage error={update.error} />
        {done && <p className="rounded bg-green-50 px-3 py-2 text-sm text-green-900">{done}</p>}
      </div>
    </form>
  );
}
