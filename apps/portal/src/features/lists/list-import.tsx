"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";
import { ListImportReportView } from "./list-import-report";

const MAX_BYTES = 5 * 1024 * 1024;

interface Mapping {
  email: number | null;
  firstName: number | null;
  lastName: number | null;
}

/** Upload → map the columns → the report → "add the matched persons". Parsed on the server. */
export function ListImport({ listId }: { listId: string }) {
  const t = useTranslations("lists.import");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({ email: null, firstName: null, lastName: null });
  const columns = useMutation(
    trpc.lists.importColumns.mutationOptions({
      onSuccess: (data) =>
        setMapping({
          email: data.suggested.email ?? null,
          firstName: data.suggested.firstName ?? null,
          lastName: data.suggested.lastName ?? null,
        }),
    }),
  );
  const preview = useMutation(trpc.lists.importPreview.mutationOptions());
  const apply = useMutation(
    trpc.lists.importApply.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.lists.members.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.lists.get.queryKey({ listId }) }),
        ]),
    }),
  );

  async function choose(file: File | undefined) {
    setCsv(null);
    setFileError(null);
    columns.reset();
    preview.reset();
    apply.reset();
    if (!file) return;
    if (file.size > MAX_BYTES) return setFileError(t("tooLarge"));
    const text = await file.text();
    setCsv(text);
    columns.mutate({ csv: text });
  }

  const input = () =>
    csv !== null && mapping.email !== null
      ? {
          listId,
          csv,
          mapping: { email: mapping.email, firstName: mapping.firstName, lastName: mapping.lastName },
        }
      : null;
  const headers = columns.data?.headers ?? [];
  const select = (field: keyof Mapping, required: boolean) => (
    <label className="flex flex-col text-sm">
      {t(`field.${field}`)}
      <select
        value={mapping[field] ?? ""}
        required={required}
        onChange={(event) => {
          preview.reset();
          apply.reset();
          setMapping((m) => ({
            ...m,
            [field]: event.target.value === "" ? null : Number(event.target.value),
          }));
        }}
        className="rounded border border-slate-300 px-2 py-1.5"
      >
        <option value="">{required ? t("choose") : t("none")}</option>
        {headers.map((header, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a column's position is its identity (names may repeat)
          <option key={index} value={index}>
            {header || t("column", { index: index + 1 })}
          </option>
        ))}
      </select>
    </label>
  );
  const error = fileError ?? (columns.error ?? preview.error ?? apply.error)?.message;

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <label className="flex flex-col text-sm">
        {t("file")}
        <input type="file" accept=".csv,text/csv" onChange={(event) => choose(event.target.files?.[0])} />
      </label>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      {columns.data && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const value = input();
            if (value) preview.mutate(value);
          }}
        >
          <p className="w-full text-sm">
            {t("detected", { rows: columns.data.rows, delimiter: columns.data.delimiter })}
          </p>
          {select("email", true)}
          {select("firstName", false)}
          {select("lastName", false)}
          <button
            type="submit"
            disabled={mapping.email === null || preview.isPending}
            className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
          >
            {t("check")}
          </button>
        </form>
      )}
      {preview.data && !apply.data && (
        <>
          <ListImportReportView report={preview.data} />
          <button
            type="button"
            disabled={apply.isPending || preview.data.matchedPersons === 0}
            onClick={() => {
              const value = input();
              if (value) apply.mutate(value);
            }}
            className="rounded bg-green-700 px-4 py-2 text-sm font-medium text-white hover:bg-green-800 disabled:opacity-50"
          >
            {t("apply", { count: preview.data.matchedPersons })}
          </button>
        </>
      )}
      {apply.data && (
        <>
          <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
            {t("applied", { count: apply.data.added })}
          </p>
          <ListImportReportView report={apply.data.report} />
        </>
      )}
    </section>
  );
}
