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
import { dueTone, useCaseFormat } from "./case-format";
import { type CaseListState, CaseListToolbar, ErrorAlert } from "./case-ui";

type Row = inferRouterOutputs<AppRouter>["requests"]["list"][number];

/** Issue 11 #1: the requests list, the nearest deadline first, with days left and the next step. */
export function RequestsView() {
  const t = useTranslations("requests");
  const ts = useTranslations("steps");
  const tt = useTranslations("requestTypes");
  const f = useCaseFormat();
  const trpc = useTRPC();
  const [state, setState] = useState<CaseListState>("open");
  const list = useQuery(trpc.requests.list.queryOptions({ state }));

  const columns: ColumnDef<Row>[] = [
    {
      id: "number",
      header: t("columns.number"),
      cell: ({ row }) => (
        <Link href={`/requests/${row.original.id}`} className="font-medium text-blue-800 hover:underline">
          {row.original.number}
        </Link>
      ),
    },
    { id: "type", header: t("columns.type"), cell: ({ row }) => tt(row.original.type) },
    { id: "received", header: t("columns.received"), cell: ({ row }) => f.instant(row.original.receivedAt) },
    {
      id: "due",
      header: t("columns.due"),
      cell: ({ row }) => (
        <span className="whitespace-nowrap tabular-nums">
          {f.day(row.original.dueDate)}{" "}
          {row.original.status === "closed" ? (
            <span className="text-xs text-slate-600">({t("closed")})</span>
          ) : (
            <span
              className={`rounded px-1.5 py-0.5 text-xs ${dueTone(row.original.daysLeft, row.original.overdue)}`}
            >
              {row.original.overdue
                ? t("overdue", { days: -row.original.daysLeft })
                : t("daysLeft", { days: row.original.daysLeft })}
            </span>
          )}
          {row.original.extended && <span className="ml-1 text-xs text-slate-600">({t("extended")})</span>}
        </span>
      ),
    },
    { id: "requester", header: t("columns.requester"), cell: ({ row }) => row.original.requesterName ?? "—" },
    { id: "persons", header: t("columns.persons"), cell: ({ row }) => row.original.persons },
    { id: "assignee", header: t("columns.assignee"), cell: ({ row }) => row.original.assigneeName ?? "—" },
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
        newHref="/requests/new"
        newLabel={t("new")}
      />
      <ErrorAlert error={list.error} />
      <DataTable
        label={t("table")}
        rows={list.data ?? []}
        columns={columns}
        empty={list.isLoading ? "…" : t("empty")}
        rowId={(row) => row.id}
        testId="request-row"
      />
    </div>
  );
}
