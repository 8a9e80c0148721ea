"use client";

import type { Language, PartyType } from "@purposeful/domain";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ComponentProps, type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { OrganizationPicker } from "./create-person-form";
import { PartyTypeSelect } from "./party-type-select";

export interface EditableMasterData {
  id: string;
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  preferredLanguage: Language;
  birthday: string | null;
  jobTitle: string | null;
  organizationId: string | null;
  organizationName: string | null;
  partyType: PartyType;
}

const inputClass = "w-full rounded border border-slate-300 bg-white px-3 py-2";
const labelClass = "mb-1 block text-sm font-medium";

/** An "Edit" toggle under the master data; saving writes only the changed fields (audited). */
export function EditMasterData({ person }: { person: EditableMasterData }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const [organization, setOrganization] = useState(
    person.organizationId ? { id: person.organizationId, name: person.organizationName ?? "" } : null,
  );
  const update = useMutation(trpc.persons.updateMasterData.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => ((form.get(name) as string | null) ?? "").trim();
    const result = await update
      .mutateAsync({
        personId: person.id,
        salutation: text("salutation"),
        title: text("title"),
        firstName: text("firstName"),
        lastName: text("lastName"),
        preferredLanguage: text("preferredLanguage") === "en" ? "en" : "de",
        birthday: text("birthday"),
        jobTitle: text("jobTitle"),
        organizationId: organization?.id ?? null,
        partyType: text("partyType") === "business" ? "business" : "consumer",
      })
      // The error is shown below the form.
      .catch(() => null);
    if (!result) return;
    setUnchanged(result.fields.length === 0);
    setOpen(false);
    router.refresh();
  }

  if (!open)
    return (
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => {
            update.reset();
            setUnchanged(false);
            setOpen(true);
          }}
          aria-label={t("editPerson.editMasterData")}
          className="min-h-11 rounded border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {t("editPerson.edit")}
        </button>
        <p aria-live="polite" className="text-sm text-slate-600">
          {unchanged && t("editPerson.unchanged")}
        </p>
      </div>
    );

  return (
    <form onSubmit={submit} className="mt-3 grid gap-4 md:grid-cols-2" data-testid="edit-master-data">
      <Field
        label={t("editPerson.salutation")}
        name="salutation"
        maxLength={50}
        defaultValue={person.salutation}
      />
      <Field label={t("editPerson.title")} name="title" maxLength={50} defaultValue={person.title} />
      <Field
        label={t("editPerson.firstName")}
        name="firstName"
        required
        maxLength={100}
        defaultValue={person.firstName}
      />
      <Field
        label={t("editPerson.lastName")}
        name="lastName"
        required
        maxLength={100}
        defaultValue={person.lastName}
      />
      <label>
        <span className={labelClass}>{t("editPerson.preferredLanguage")}</span>
        <select name="preferredLanguage" defaultValue={person.preferredLanguage} className={inputClass}>
          <option value="de">{t("languages.de")}</option>
          <option value="en">{t("languages.en")}</option>
        </select>
      </label>
      <Field label={t("editPerson.birthday")} name="birthday" type="date" defaultValue={person.birthday} />
      <Field
        label={t("editPerson.jobTitle")}
        name="jobTitle"
        maxLength={100}
        defaultValue={person.jobTitle}
      />
      <OrganizationPicker value={organization} onChange={setOrganization} />
      <PartyTypeSelect defaultValue={person.partyType} />
      <div className="flex flex-wrap items-center gap-4 md:col-span-2">
        <button
          type="submit"
          disabled={update.isPending}
          className="min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {update.isPending ? t("editPerson.saving") : t("editPerson.save")}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="min-h-11 rounded border border-slate-300 px-4 py-2"
        >
          {t("editPerson.cancel")}
        </button>
        <div aria-live="polite" className="text-sm">
          {update.error && <p className="rounded bg-red-50 px-3 py-2 text-red-800">{update.error.message}</p>}
        </div>
      </div>
    </form>
  );
}

function Field({
  label,
  defaultValue,
  ...props
}: { label: string; defaultValue: string | null } & Omit<ComponentProps<"input">, "defaultValue">) {
  return (
    <label>
      <span className={labelClass}>{label}</span>
      <input autoComplete="off" {...props} defaultValue={defaultValue ?? ""} className={inputClass} />
    </label>
  );
}
