"use client";

import {
  consentEvidenceRetention,
  type HoldKey,
  isRetentionDutyKey,
  phoneConsentEvidenceRetention,
  retentionDuty,
} from "@purposeful/domain";
import type { ColumnDef } from "@tanstack/react-table";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import type { AppRouter } from "../../server/root";
import { ReviewActions } from "./review-actions";

type Outputs = inferRouterOutputs<AppRouter>["retention"];
export type PersonRow = Outputs["overview"]["dueNow"]["rows"][number];
export type HeldRow = Outputs["overview"]["held"]["rows"][number];
export type RunRow = Outputs["runs"][number];

export interface Formatters {
  t: (key: string, values?: Record<string, string | number>) => string;
  /** a calendar day YYYY-MM-DD */
  day: (day: string | null) => string;
  instant: (at: Date | null) => string;
}

const nameOf = (row: PersonRow) => `${row.lastName}, ${row.firstName}`;

/** The law that keeps a held item (language-neutral, as the domain states it). */
export function lawOf(key: HoldKey): string {
  if (isRetentionDutyKey(key)) return retentionDuty(key).source;
  return key === "phone_consent_evidence"
    ? phoneConsentEvidenceRetention.source
    : consentEvidenceRetention.source;
}

export function personColumns(f: Formatters, review: boolean): ColumnDef<PersonRow>[] {
  const columns: ColumnDef<PersonRow>[] = [
    {
      id: "name",
      header: f.t("columns.name"),
      cell: ({ row }) => (
        <Link href={`/persons/${row.original.id}`} className="text-blue-800 hover:underline">
          {nameOf(row.original)}
        </Link>
      ),
    },
    {
      id: "retainUntil",
      header: f.t("columns.retainUntil"),
      cell: ({ row }) => (
        <span className="tabular-nums">
          {f.day(row.original.manualUntil ?? row.original.retainUntil)}
          {row.original.manualUntil && <span className="ml-1 text-xs text-slate-600">({f.t("manual")})</span>}
        </span>
      ),
    },
  ];
  if (!review) return columns;
  return [
    ...columns,
    {
      id: "reviewAt",
      header: f.t("columns.reviewAt"),
      cell: ({ row }) => <span className="tabular-nums">{f.instant(row.original.reviewAt)}</span>,
    },
    {
      id: "decide",
      header: f.t("columns.decide"),
      cell: ({ row }) => <ReviewActions personId={row.original.id} name={nameOf(row.original)} />,
    },
  ];
}

export function heldColumns(f: Formatters): ColumnDef<HeldRow>[] {
  return [
    { id: "item", header: f.t("columns.item"), cell: ({ row }) => f.t(`tables.${row.original.table}`) },
    { id: "hold", header: f.t("columns.hold"), cell: ({ row }) => f.t(`holds.${row.original.key}`) },
    { id: "law", header: f.t("columns.law"), cell: ({ row }) => lawOf(row.original.key) },
    {
      id: "heldUntil",
      header: f.t("columns.heldUntil"),
      cell: ({ row }) => <span className="tabular-nums">{f.day(row.original.heldUntil)}</span>,
    },
    {
      id: "person",
      header: f.t("columns.person"),
      cell: ({ row }) =>
        row.original.personId ? (
          <Link href={`/persons/${row.original.personId}`} className="text-blue-800 hover:underline">
            {f.t("erasedPerson")}
          </Link>
        ) : (
          "–"
        ),
    },
  ];
}

export function runColumns(f: Formatters): ColumnDef<RunRow>[] {
  const count = (key: "due" | "erased" | "queued" | "failed" | "heldDeleted"): ColumnDef<RunRow> => ({
    id: key,
    header: f.t(`columns.${key}`),
    cell: ({ row }) => <span className="tabular-nums">{row.original[key]}</span>,
  });
  return [
    {
      id: "startedAt",
      header: f.t("columns.startedAt"),
      cell: ({ row }) => <span className="tabular-nums">{f.instant(row.original.startedAt)}</span>,
    },
    {
      id: "kind",
      header: f.t("columns.kind"),
      cell: ({ row }) => (row.original.dryRun ? f.t("dryRunKind") : f.t("realRunKind")),
    },
    { id: "action", header: f.t("columns.action"), cell: ({ row }) => f.t(`actions.${row.original.action}`) },
    count("due"),
    count("erased"),
    count("queued"),
    count("failed"),
    count("heldDeleted"),
    {
      id: "state",
      header: f.t("columns.state"),
      cell: ({ row }) =>
        row.original.finishedAt
          ? f.t("states.finished")
          : f.t(`states.${row.original.jobState === "failed" ? "failed" : "running"}`),
    },
  ];
}
