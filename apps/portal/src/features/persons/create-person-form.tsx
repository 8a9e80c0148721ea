"use client";

import { type Language, needsParentalConsent, type PartyType } from "@purposeful/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ComponentProps, type FormEvent, useEffect, useMemo, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { PartyTypeSelect } from "./party-type-select";
import { SuppressionWarning } from "./suppression-warning";

export interface CreatedPerson {
  id: string;
  firstName: string;
  lastName: string;
}

/** The value after it stopped changing for `ms`, so typing does not fire a query per key; pass a primitive. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const input = "w-full rounded border border-slate-300 bg-white px-3 py-2";
const label = "mb-1 block text-sm font-medium";

/**
 * Creates a person after a live duplicate check (same e-mail, or same name in the same
 * organization) that also warns when an erased contact used the address (suppression list); only
 * a dpo (`mayOverrideSuppression`) can use such an address anyway. The signature tablet has a form
 * of its own (`KioskCreatePerson`) that lists no duplicates.
 */
export function CreatePersonForm({ mayOverrideSuppression }: { mayOverrideSuppression: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [email, setEmail] = useState("");
  const [birthday, setBirthday] = useState("");
  const [organization, setOrganization] = useState<{ id: string; name: string } | null>(null);
  const [confirmDuplicate, setConfirmDuplicate] = useState(false);
  const [overrideSuppression, setOverrideSuppression] = useState(false);
  // UWG §7(2): a contact at an organization is a business contact unless the user chooses otherwise.
  const [partyChoice, setPartyChoice] = useState<PartyType | null>(null);
  const partyType: PartyType = partyChoice ?? (organization ? "business" : "consumer");
  const create = useMutation(trpc.persons.create.mutationOptions());

  // Debounced as a string: a fresh object per render would restart the timer forever.
  const checkKey = useDebounced(
    JSON.stringify({
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      organizationId: organization?.id,
      email: emailPattern.test(email.trim()) ? email.trim() : undefined,
    }),
  );
  const check = useMemo(
    () =>
      JSON.parse(checkKey) as {
        firstName: string;
        lastName: string;
        organizationId?: string;
        email?: string;
      },
    [checkKey],
  );
  const checking = !!check.email || (!!check.organizationId && !!check.firstName && !!check.lastName);
  const duplicates = useQuery({ ...trpc.persons.checkDuplicates.queryOptions(check), enabled: checking });
  const found = checking ? (duplicates.data?.persons ?? []) : [];
  const suppressed = checking ? (duplicates.data?.suppressed ?? []) : [];
  const minor = /^\d{4}-\d{2}-\d{2}$/.test(birthday) && needsParentalConsent(birthday, new Date());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => ((form.get(name) as string | null) ?? "").trim() || undefined;
    const result = await create
      .mutateAsync({
        salutation: text("salutation"),
        title: text("title"),
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        preferredLanguage: (form.get("preferredLanguage") as Language) ?? "de",
        birthday: birthday || undefined,
        organizationId: organization?.id,
        email: email.trim() || undefined,
        phone: text("phone"),
        partyType,
        confirmDuplicate: found.length > 0 && confirmDuplicate,
        overrideSuppression: suppressed.length > 0 && overrideSuppression,
      })
      // The error is shown below the form.
      .catch(() => null);
    if (result) router.push(`/persons/${result.id}`);
  }

  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" data-testid="create-person">
      <Field label={t("createPerson.salutation")} name="salutation" maxLength={50} />
      <Field label={t("createPerson.academicTitle")} name="title" maxLength={50} />
      <Field
        label={t("createPerson.firstName")}
        required
        maxLength={100}
        value={firstName}
        onChange={setFirstName}
      />
      <Field
        label={t("createPerson.lastName")}
        required
        maxLength={100}
        value={lastName}
        onChange={setLastName}
      />
      <Field label={t("createPerson.email")} type="email" maxLength={254} value={email} onChange={setEmail} />
      <label>
        <span className={label}>{t("createPerson.preferredLanguage")}</span>
        <select name="preferredLanguage" defaultValue="de" className={input}>
          <option value="de">{t("languages.de")}</option>
          <option value="en">{t("languages.en")}</option>
        </select>
      </label>
      <Field label={t("createPerson.phone")} name="phone" type="tel" maxLength={50} />
      <Field label={t("createPerson.birthday")} type="date" value={birthday} onChange={setBirthday} />
      <OrganizationPicker value={organization} onChange={setOrganization} />
      <PartyTypeSelect value={partyType} onChange={setPartyChoice} />
      {minor && (
        <p role="note" className="md:col-span-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          ⚠ {t("createPerson.minor")}
        </p>
      )}
      <SuppressionWarning
        suppressed={suppressed}
        mayOverride={mayOverrideSuppression}
        override={overrideSuppression}
        onOverride={setOverrideSuppression}
      />
      {found.length > 0 && (
        <div
          role="alert"
          data-testid="duplicate-warning"
          className="md:col-span-2 space-y-2 rounded bg-amber-50 px-3 py-2 text-amber-900"
        >
          <p className="font-medium">{t("createPerson.duplicatesTitle")}</p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {found.map((person) => (
              <li key={person.id}>
                <Link href={`/persons/${person.id}`} className="font-medium text-blue-800 hover:underline">
                  {person.lastName}, {person.firstName}
                </Link>
                {person.organizationName ? ` (${person.organizationName})` : ""} ·{" "}
                {t(`createPerson.reasons.${person.reason}`)}
              </li>
            ))}
          </ul>
          <label className="flex min-h-11 items-center gap-3 text-sm">
            <input
              type="checkbox"
              checked={confirmDuplicate}
              onChange={(e) => setConfirmDuplicate(e.target.checked)}
              className="size-5"
            />
            {t("createPerson.createAnyway")}
          </label>
        </div>
      )}
      <div className="md:col-span-2 flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={
            create.isPending ||
            (found.length > 0 && !confirmDuplicate) ||
            (suppressed.length > 0 && !overrideSuppression)
          }
          className="min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {create.isPending ? t("createPerson.saving") : t("createPerson.submit")}
        </button>
        <div aria-live="polite" className="text-sm">
          {create.error && <p className="rounded bg-red-50 px-3 py-2 text-red-800">{create.error.message}</p>}
        </div>
      </div>
    </form>
  );
}

/** A labelled text input; controlled when `onChange` is given. */
function Field({
  label: text,
  onChange,
  ...props
}: { label: string; onChange?: (value: string) => void } & Omit<ComponentProps<"input">, "onChange">) {
  return (
    <label>
      <span className={label}>{text}</span>
      <input
        autoComplete="off"
        {...props}
        onChange={onChange && ((e) => onChange(e.target.value))}
        className={input}
      />
    </label>
  );
}

/** Picks an organization by name prefix (at most 20 matches). */
export function OrganizationPicker({
  value,
  onChange,
}: {
  value: { id: string; name: string } | null;
  onChange: (value: { id: string; name: string } | null) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search.trim());
  const matches = useQuery({
    ...trpc.persons.organizations.queryOptions({ search: debounced }),
    enabled: !value && debounced.length > 0,
  });
  return (
    <div>
      <label htmlFor="organization-search" className={label}>
        {t("createPerson.organization")}
      </label>
      {value ? (
        <div className="flex items-center gap-2">
          <span className="rounded bg-slate-100 px-3 py-2">{value.name}</span>
          <button type="button" onClick={() => onChange(null)} className="text-sm text-blue-800 underline">
            {t("createPerson.noOrganization")}
          </button>
        </div>
      ) : (
        <>
          <input
            id="organization-search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("createPerson.organizationSearch")}
            autoComplete="off"
            className={input}
          />
          {matches.data && matches.data.length > 0 && (
            <ul className="mt-1 max-h-48 overflow-auto rounded border border-slate-200 bg-white text-sm">
              {matches.data.map((organization) => (
                <li key={organization.id}>
                  <button
                    type="button"
                    onClick={() => onChange(organization)}
                    className="w-full px-3 py-2 text-left hover:bg-slate-100"
                  >
                    {organization.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
