"use client";

import type { ListMemberRow } from "@purposeful/db";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { KeysetPager } from "../shell/keyset-pager";
import { TrafficLightBadge } from "../shell/traffic-light-badge";

const PAGE_SIZE = 50;

/** A list's members by name, keyset-paged, with search and "remove from list". */
export function ListMembersTable({ listId }: { listId: string }) {
  const t = useTranslations("lists");
  const tr = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useQuery({
    ...trpc.lists.members.queryOptions({ listId, search: search || undefined, cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation(
    trpc.lists.removeMembers.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.lists.members.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.lists.get.queryKey({ listId }) }),
        ]),
    }),
  );

  const columns = useMemo<ColumnDef<ListMemberRow>[]>(
    () => [
      {
        id: "name",
        header: t("memberName"),
        cell: ({ row }) => (
          <Link href={`/persons/${row.original.personId}`} className="text-blue-800 hover:underline">
            {row.original.lastName}, {row.original.firstName}
          </Link>
        ),
      },
      { id: "email", header: t("memberEmail"), cell: ({ row }) => row.original.primaryEmail ?? "—" },
      {
        id: "light",
        header: t("memberLight"),
        cell: ({ row }) => (
          <TrafficLightBadge
            light={row.original.trafficLight}
            label={tr(`lights.${row.original.trafficLight}`)}
          />
        ),
      },
      {
        id: "actions",
        header: () => <span className="sr-only">{t("actions")}</span>,
        cell: ({ row }) => (
          <button
            type="button"
            onClick={() => remove.mutate({ listId, personIds: [row.original.personId] })}
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
          >
            {t("removeMember")}
          </button>
        ),
      },
    ],
    [t, tr, remove, listId],
  );
  const table = useReactTable({
    data: page.data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
  });

  return (
    <div className="space-y-3">
      <label className="flex max-w-sm flex-col text-sm">
        {t("searchMembers")}
        <input
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setCursors([null]);
          }}
          className="rounded border border-slate-300 px-2 py-1.5"
        />
      </label>
      {(page.error ?? remove.error) && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {(page.error ?? remove.error)?.message}
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" aria-busy={page.isFetching}>
          <thead className="bg-slate-100">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className="px-3 py-2 font-semibold">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100" data-testid="member-row">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page.data?.rows.length === 0 && (
          <p className="px-3 py-6 text-center text-slate-600">{t("noMembers")}</p>
        )}
      </div>
      <KeysetPager
        cursors={cursors}
        setCursors={setCursors}
        nextCursor={page.data?.nextCursor}
        labels={{
          label: t("paging"),
          previous: t("previous"),
          next: t("next"),
          page: t("page", { page: cursors.length }),
        }}
      />
    </div>
  );
}
