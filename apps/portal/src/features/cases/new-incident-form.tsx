"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { inputClass, localDateTimeInput, primaryClass } from "./case-format";
import { PersonPicker, type PickedPerson } from "./person-picker";

const count = (value: string) => (value.trim() === "" ? null : Number(value));

/** Issue 11 #6: records a breach; the 72 hours of Art. 33(1) run from the time of awareness. */
export function NewIncidentForm({ seesCases }: { seesCases: boolean }) {
  const t = useTranslations("incidents");
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [awareAt, setAwareAt] = useState(() => localDateTimeInput(new Date()));
  const [occurredAt, setOccurredAt] = useState("");
  const [discoveredBy, setDiscoveredBy] = useState("");
  const [nature, setNature] = useState("");
  const [categories, setCategories] = useState("");
  const [subjects, setSubjects] = useState("");
  const [records, setRecords] = useState("");
  const [persons, setPersons] = useState<PickedPerson[]>([]);
  const create = useMutation(
    trpc.incidents.create.mutationOptions({
      // Who may not open the case (it is the DPO's) gets the confirmation with its number here.
      onSuccess: (created) => {
        if (seesCases) router.push(`/incidents/${created.id}`);
      },
    }),
  );

  if (create.data && !seesCases)
    return (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
        {t("recorded", { number: create.data.number })}
      </p>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      title,
      awareAt: new Date(awareAt),
      occurredAt: occurredAt ? new Date(occurredAt) : null,
      discoveredBy,
      nature,
      dataCategories: categories
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      subjectsApprox: count(subjects),
      recordsApprox: count(records),
      personIds: persons.map((p) => p.id),
    });
  }

  // Each field's control carries the id its label points to.
  const field = (id: string, label: string, node: ReactNode) => (
    <div className="text-sm">
      <label htmlFor={`incident-${id}`} className="block">
        {label}
      </label>
      {node}
    </div>
  );
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {field(
        "title",
        t("fields.title"),
        <input
          id="incident-title"
          required
          className={inputClass}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />,
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {field(
          "awareAt",
          t("fields.awareAt"),
          <input
            id="incident-awareAt"
            type="datetime-local"
            required
            className={inputClass}
            value={awareAt}
            onChange={(e) => setAwareAt(e.target.value)}
          />,
        )}
        {field(
          "occurredAt",
          t("fields.occurredAt"),
          <input
            id="incident-occurredAt"
            type="datetime-local"
            className={inputClass}
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
          />,
        )}
        {field(
          "discoveredBy",
          t("fields.discoveredBy"),
          <input
            id="incident-discoveredBy"
            className={inputClass}
            value={discoveredBy}
            onChange={(e) => setDiscoveredBy(e.target.value)}
          />,
        )}
      </div>
      {field(
        "nature",
        t("fields.nature"),
        <textarea
          id="incident-nature"
          rows={4}
          className={inputClass}
          value={nature}
          onChange={(e) => setNature(e.target.value)}
        />,
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {field(
          "dataCategories",
          t("fields.dataCategories"),
          <textarea
            id="incident-dataCategories"
            rows={3}
            className={inputClass}
            value={categories}
            onChange={(e) => setCategories(e.target.value)}
          />,
        )}
        {field(
          "subjectsApprox",
          t("fields.subjectsApprox"),
          <input
            id="incident-subjectsApprox"
            type="number"
            min={0}
            className={inputClass}
            value={subjects}
            onChange={(e) => setSubjects(e.target.value)}
          />,
        )}
        {field(
          "recordsApprox",
          t("fields.recordsApprox"),
          <input
            id="incident-recordsApprox"
            type="number"
            min={0}
            className={inputClass}
            value={records}
            onChange={(e) => setRecords(e.target.value)}
          />,
        )}
      </div>
      <PersonPicker value={persons} onChange={setPersons} label={t("fields.persons")} />
      {create.error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {create.error.message}
        </p>
      )}
      <button type="submit" className={primaryClass} disabled={create.isPending}>
        {t("create")}
      </button>
    </form>
  );
}
