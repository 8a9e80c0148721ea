"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { AddEmailFields } from "./add-email-fields";

type Channel = "email" | "phone" | "address";

const inputClass = "w-full rounded border border-slate-300 bg-white px-3 py-2";
const labelClass = "mb-1 block text-sm font-medium";
const smallButton =
  "min-h-9 rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";

function ErrorText({ message }: { message: string | undefined }) {
  return (
    <span aria-live="polite" className="text-sm">
      {message && <span className="block rounded bg-red-50 px-2 py-1 text-red-800">{message}</span>}
    </span>
  );
}

/** Remove (and for e-mail: make primary) buttons next to one entry; each write is audited. */
export function CommunicationEntryActions({
  personId,
  channel,
  entryId,
  label,
  isPrimary,
}: {
  personId: string;
  channel: Channel;
  entryId: string;
  /** What the entry shows, for the confirmation and the buttons' accessible names. */
  label: string;
  isPrimary: boolean;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const removeOptions = {
    email: trpc.persons.removeEmail.mutationOptions({ onSuccess }),
    phone: trpc.persons.removePhone.mutationOptions({ onSuccess }),
    address: trpc.persons.removeAddress.mutationOptions({ onSuccess }),
  }[channel];
  const remove = useMutation(removeOptions);
  const primary = useMutation(trpc.persons.setPrimaryEmail.mutationOptions({ onSuccess }));
  const pending = remove.isPending || primary.isPending;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {channel === "email" && !isPrimary && (
        <button
          type="button"
          disabled={pending}
          aria-label={t("editPerson.makePrimaryLabel", { value: label })}
          onClick={() => primary.mutate({ personId, entryId })}
          className={smallButton}
        >
          {t("editPerson.makePrimary")}
        </button>
      )}
      <button
        type="button"
        disabled={pending}
        aria-label={t("editPerson.removeLabel", { value: label })}
        onClick={() => {
          if (window.confirm(t("editPerson.confirmRemove", { value: label })))
            remove.mutate({ personId, entryId });
        }}
        className={`${smallButton} text-red-800`}
      >
        {t("editPerson.remove")}
      </button>
      <ErrorText message={remove.error?.message ?? primary.error?.message} />
    </span>
  );
}

const kinds = {
  email: ["private", "work", "other"],
  phone: ["mobile", "landline", "fax"],
  address: ["home", "work", "postal"],
} as const;
const kindKeys = { email: "emailKinds", phone: "phoneKinds", address: "addressKinds" } as const;
const addKeys = { email: "addEmail", phone: "addPhone", address: "addAddress" } as const;

/**
 * Buttons that open a small form to add an e-mail address, a phone number or a postal address. An
 * address on the suppression list is flagged while typing; only a dpo may use it anyway.
 */
export function AddCommunication({
  personId,
  mayOverrideSuppression,
}: {
  personId: string;
  mayOverrideSuppression: boolean;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState<Channel | null>(null);
  const onSuccess = () => {
    setOpen(null);
    router.refresh();
  };
  const addEmail = useMutation(trpc.persons.addEmail.mutationOptions({ onSuccess }));
  const addPhone = useMutation(trpc.persons.addPhone.mutationOptions({ onSuccess }));
  const addAddress = useMutation(trpc.persons.addAddress.mutationOptions({ onSuccess }));
  const current = open && { email: addEmail, phone: addPhone, address: addAddress }[open];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => ((form.get(name) as string | null) ?? "").trim();
    const primary = form.get("primary") === "on";
    if (open === "email")
      addEmail.mutate({
        personId,
        address: text("address"),
        kind: text("kind") as "private",
        primary,
        overrideSuppression: form.get("overrideSuppression") === "on",
      });
    if (open === "phone")
      addPhone.mutate({ personId, number: text("number"), kind: text("kind") as "mobile", primary });
    if (open === "address")
      addAddress.mutate({
        personId,
        kind: text("kind") as "home",
        street: text("street"),
        postalCode: text("postalCode"),
        city: text("city"),
        country: text("country"),
        primary,
      });
  }

  if (!open)
    return (
      <div className="mt-4 flex flex-wrap gap-2">
        {(["email", "phone", "address"] as const).map((channel) => (
          <button
            key={channel}
            type="button"
            onClick={() => {
              for (const mutation of [addEmail, addPhone, addAddress]) mutation.reset();
              setOpen(channel);
            }}
            className="min-h-11 rounded border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
          >
            {t(`editPerson.${addKeys[channel]}`)}
          </button>
        ))}
      </div>
    );

  const field = (name: string, label: string, props: { type?: string; maxLength: number; size?: string }) => (
    <label className={props.size}>
      <span className={labelClass}>{label}</span>
      <input
        name={name}
        required
        autoComplete="off"
        type={props.type}
        maxLength={props.maxLength}
        className={inputClass}
      />
    </label>
  );
  return (
    <form onSubmit={submit} className="mt-4 grid gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
      <h3 className="text-sm font-semibold text-slate-700 md:col-span-2">
        {t(`editPerson.${addKeys[open]}`)}
      </h3>
      {open === "email" && <AddEmailFields mayOverrideSuppression={mayOverrideSuppression} />}
      {open === "phone" && field("number", t("editPerson.phoneNumber"), { type: "tel", maxLength: 50 })}
      {open === "address" && (
        <>
          {field("street", t("editPerson.street"), { maxLength: 200, size: "md:col-span-2" })}
          {field("postalCode", t("editPerson.postalCode"), { maxLength: 20 })}
          {field("city", t("editPerson.city"), { maxLength: 100 })}
          <label>
            <span className={labelClass}>{t("editPerson.country")}</span>
            <input
              name="country"
              required
              autoComplete="off"
              maxLength={2}
              pattern="[A-Za-z]{2}"
              className={inputClass}
            />
          </label>
        </>
      )}
      <label>
        <span className={labelClass}>{t("editPerson.kind")}</span>
        <select name="kind" className={inputClass}>
          {kinds[open].map((kind) => (
            <option key={kind} value={kind}>
              {t(`person.${kindKeys[open]}.${kind}` as "person.emailKinds.private")}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-h-11 items-center gap-3 text-sm md:col-span-2">
        <input type="checkbox" name="primary" className="size-5" />
        {t("editPerson.primaryNow")}
      </label>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <button
          type="submit"
          disabled={current?.isPending}
          className="min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {current?.isPending ? t("editPerson.saving") : t("editPerson.add")}
        </button>
        <button
          type="button"
          onClick={() => setOpen(null)}
          className="min-h-11 rounded border border-slate-300 px-4 py-2"
        >
          {t("editPerson.cancel")}
        </button>
        <ErrorText message={current ? current.error?.message : undefined} />
      </div>
    </form>
  );
}
