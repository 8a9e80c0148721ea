"use client";

import type { PersonListRow } from "@purposeful/db";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { TrafficLightBadge } from "../shell/traffic-light-badge";

const column = createColumnHelper<PersonListRow>();

/** Erasure level 3 leaves the names empty; the list says so instead of showing ", ". */
const displayName = (row: PersonListRow, erased: string) =>
  row.erasedLevel >= 3 ? erased : `${row.lastName}, ${row.firstName}`;

/** The bulk selection: ids kept across pages; the header box selects or clears the shown page. */
export interface PersonSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  page: "all" | "some" | "none";
  togglePage: () => void;
}

function Checkbox(props: { checked: boolean; indeterminate?: boolean; onChange: () => void; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = props.indeterminate ?? false;
  }, [props.indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={props.checked}
      onChange={props.onChange}
      aria-label={props.label}
      className="size-4 align-middle"
    />
  );
}

export function personColumns(
  t: (key: string, values?: Record<string, string>) => string,
  formatDate: (date: Date) => string,
  selection: PersonSelection,
) {
  return [
    column.display({
      id: "select",
      header: () => (
        <Checkbox
          checked={selection.page === "all"}
          indeterminate={selection.page === "some"}
          onChange={selection.togglePage}
          label={t("persons.selectPage")}
        />
      ),
      cell: (info) => (
        <Checkbox
          checked={selection.selected.has(info.row.original.id)}
          onChange={() => selection.toggle(info.row.original.id)}
          label={t("persons.selectRow", {
            name: displayName(info.row.original, t("erasure.erasedPerson")),
          })}
        />
      ),
    }),
    column.accessor("trafficLight", {
      id: "light",
      header: () => t("persons.light"),
      cell: (info) => <TrafficLightBadge light={info.getValue()} label={t(`lights.${info.getValue()}`)} />,
      enableSorting: false,
    }),
    column.accessor((row) => displayName(row, t("erasure.erasedPerson")), {
      id: "name",
      header: () => t("persons.name"),
      cell: (info) => (
        <Link
          href={`/persons/${info.row.original.id}`}
          className={`font-medium hover:underline ${info.row.original.erasedLevel >= 3 ? "italic text-slate-600" : "text-blue-800"}`}
        >
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor("organizationName", {
      id: "organization",
      header: () => t("persons.organization"),
      cell: (info) => info.getValue() ?? "—",
      enableSorting: false,
    }),
    column.accessor("primaryEmail", {
      id: "email",
      header: () => t("persons.email"),
      cell: (info) => info.getValue() ?? "—",
      enableSorting: false,
    }),
    column.accessor("createdAt", {
      id: "createdAt",
      header: () => t("persons.created"),
      cell: (info) => formatDate(info.getValue()),
    }),
  ];
}
