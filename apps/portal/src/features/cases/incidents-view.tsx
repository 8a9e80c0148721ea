"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AppRouter } from "../../server/root";
import { useTRPC } from "../../trpc/react";
import { DataTable } from "../shell/data-table";
import { useCaseFormat } from "./case-format";
import { IncidentClock } from "./incident-clock";

type Row = inferRouterOutputs<AppRouter>["incidents"]["list"][number];
const states = ["open", "closed", "all"] as const;

/** Issue 11 #6: the breaches, newest first, each with its 72-hour clock and next step. */
export function IncidentsView() {
  const t = useTranslations("incidents");
  const tr = useTranslations("requests");
  const ts = useTranslations("steps");
  const f = useCaseFormat();
  const trpc = useTRPC();
  const [state, setState] = useState<(typeof states)[number]>("open");
  const list = useQuery(trpc.incidents.list.queryOptions({ state }));

  const columns: ColumnDef<Row>[] = [
    {
      id: "number",
      header: t("columns.number"),
      cell: ({ row }) => (
        <Link href={`/incidents/${row.original.id}`} className="font-medium text-blue-800 hover:underline">
          {row.original.number}
        </Link>
      ),
    },
    { id: "title", header: t("columns.title"), cell: ({ row }) => row.original.title },
    { id: "aware", header: t("columns.aware"), cell: ({ row }) => f.instant(row.original.awareAt) },
    {
      id: "clock",
      header: t("columns.clock"),
      cell: ({ row }) => <IncidentClock incident={row.original} />,
    },
    {
      id: "risk",
      header: t("columns.risk"),
      cell: ({ row }) => (row.original.risk ? t(`risk.${row.original.risk}`) : t("notAssessed")),
    },
    { id: "persons", header: t("columns.persons"), cell: ({ row }) => row.original.persons },
    {
      id: "next",
      header: t("columns.next"),
      cell: ({ row }) => (row.original.nextStep ? ts(row.original.nextStep) : "—"),
    },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <div role="tablist" aria-label={t("table")} className="flex gap-1">
          {states.map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={state === s}
              onClick={() => setState(s)}
              className={`rounded px-3 py-1 text-sm ${state === s ? "bg-slate-900 text-white" : "bg-white hover:bg-slate-100"}`}
            >
              {tr(`state.${s}`)}
            </button>
          ))}
        </div>
        <Link
          href="/incidents/new"
          className="ml-auto rounded bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700"
        >
          {t("new")}
        </Link>
      </div>
      {list.error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {list.error.message}
        </p>
      )}
      <DataTable
        label={t("table")}
        rows={list.data ?? []}
        columns={columns}
        empty={list.isLoading ? "…" : t("empty")}
        rowId={(row) => row.id}
        testId="incident-row"
      />
    </div>
  );
}
