"use client";

import type { PersonSortField, SortDirection } from "@purposeful/db";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { PersonsListActions } from "../lists/persons-list-actions";
import { KeysetPager } from "../shell/keyset-pager";
import { type PersonSelection, personColumns } from "./person-columns";
import { type PersonFilters, PersonsFilters } from "./persons-filters";
import { PersonsSelectionBar } from "./persons-selection-bar";

const PAGE_SIZE = 50;

/** `lists`: whether the user may build marketing lists from the filter or selection (marketing+). */
export function PersonsTable({ lists = false }: { lists?: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<PersonFilters>({
    search: "",
    light: undefined,
    purposeId: undefined,
    purposeState: undefined,
  });
  // The bulk selection survives paging, sorting and filtering; it is a set of person ids.
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [sort, setSort] = useState<{ field: PersonSortField; direction: SortDirection }>({
    field: "name",
    direction: "asc",
  });
  // Keyset pagination: the cursors of the pages visited so far, so "previous" needs no offset.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;

  const query = {
    search: filters.search || undefined,
    light: filters.light,
    purposeId: filters.purposeId,
    purposeState: filters.purposeId ? filters.purposeState : undefined,
  };
  const page = useQuery({
    ...trpc.persons.list.queryOptions({ ...query, sort, cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const counts = useQuery(
    trpc.persons.countByLight.queryOptions({
      search: query.search,
      purposeId: query.purposeId,
      purposeState: query.purposeState,
    }),
  );
  const purposes = useQuery(trpc.purposes.options.queryOptions());

  const pageIds = useMemo(() => (page.data?.rows ?? []).map((row) => row.id), [page.data]);
  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const selection = useMemo<PersonSelection>(() => {
    const pageSelected = pageIds.filter((id) => selected.has(id)).length;
    return {
      selected,
      toggle,
      page: pageSelected === 0 ? "none" : pageSelected === pageIds.length ? "all" : "some",
      togglePage: () =>
        setSelected((current) => {
          const next = new Set(current);
          const all = pageIds.length > 0 && pageIds.every((id) => next.has(id));
          for (const id of pageIds) {
            if (all) next.delete(id);
            else next.add(id);
          }
          return next;
        }),
    };
  }, [selected, pageIds, toggle]);
  const columns = useMemo(
    () =>
      personColumns(
        (key, values) => t(key, values),
        (date) => format.dateTime(date, { dateStyle: "medium" }),
        selection,
      ),
    [t, format, selection],
  );
  const table = useReactTable({
    data: page.data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
  });

  function changeFilters(next: PersonFilters) {
    setFilters(next);
    setCursors([null]);
  }
  function toggleSort(field: PersonSortField) {
    setSort((current) => ({
      field,
      direction: current.field === field && current.direction === "asc" ? "desc" : "asc",
    }));
    setCursors([null]);
  }

  return (
    <div>
      <PersonsFilters
        filters={filters}
        onChange={changeFilters}
        counts={counts.data}
        purposes={purposes.data ?? []}
      />
      <PersonsSelectionBar selected={selected} onClear={() => setSelected(new Set())} />
      {lists && <PersonsListActions filter={query} selected={selected} />}
      {page.error && (
        <p role="alert" className="mb-4 rounded bg-red-50 px-3 py-2 text-red-800">
          {page.error.message}
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table
          className={`w-full text-left text-sm ${page.isPlaceholderData ? "opacity-60" : ""}`}
          aria-busy={page.isFetching}
        >
          <thead className="bg-slate-100">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = header.column.id === "name" || header.column.id === "createdAt";
                  const active = sort.field === header.column.id;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 font-semibold"
                      aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {sortable ? (
                        <button
                          type="button"
                          onClick={() => toggleSort(header.column.id as PersonSortField)}
                          className="inline-flex items-center gap-1 hover:underline"
                        >
                          {label}
                          <span aria-hidden="true">
                            {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={`border-t border-slate-100 hover:bg-slate-50 ${selected.has(row.original.id) ? "bg-blue-50" : ""}`}
                data-testid="person-row"
                data-selected={selected.has(row.original.id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && page.data.rows.length === 0 && (
          <p className="px-3 py-6 text-center text-slate-600">{t("persons.empty")}</p>
        )}
        {!page.data && page.isLoading && (
          <p className="px-3 py-6 text-center text-slate-600">{t("persons.loading")}</p>
        )}
      </div>
      <KeysetPager
        cursors={cursors}
        setCursors={setCursors}
        nextCursor={page.data?.nextCursor}
        className="mt-3 flex items-center gap-2 text-sm"
        labels={{
          label: t("persons.page", { page: cursors.length }),
          first: t("persons.first"),
          previous: t("persons.previous"),
          next: t("persons.next"),
          page: t("persons.page", { page: cursors.length }),
        }}
      />
    </div>
  );
}
