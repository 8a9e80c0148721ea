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
import { type CaseListState, CaseListToolbar, ErrorAlert } from "./case-ui";
import { IncidentClock } from "./incident-clock";

type Row = inferRouterOutputs<AppRouter>["incidents"]["list"][number];

/** Issue 11 #6: the breaches, newest first, each with its 72-hour clock and next step. */
export function IncidentsView() {
  const t = useTranslations("incidents");
  const ts = useTranslations("steps");
  const f = useCaseFormat();
  const trpc = useTRPC();
  const [state, setState] = useState<CaseListState>("open");
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
      <CaseListToolbar
        label={t("table")}
        state={state}
        onState={setState}
        newHref="/incidents/new"
        newLabel={t("new")}
      />
      <ErrorAlert error={list.error} />
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
