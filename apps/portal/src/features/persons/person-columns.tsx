"use client";

import type { PersonListRow } from "@purposeful/db";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { TrafficLightBadge } from "../shell/traffic-light-badge";

const column = createColumnHelper<PersonListRow>();

export function personColumns(t: (key: string) => string, formatDate: (date: Date) => string) {
  return [
    column.accessor("trafficLight", {
      id: "light",
      header: () => t("persons.light"),
      cell: (info) => <TrafficLightBadge light={info.getValue()} label={t(`lights.${info.getValue()}`)} />,
      enableSorting: false,
    }),
    column.accessor((row) => `${row.lastName}, ${row.firstName}`, {
      id: "name",
      header: () => t("persons.name"),
      cell: (info) => (
        <Link href={`/persons/${info.row.original.id}`} className="font-medium text-blue-800 hover:underline">
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
