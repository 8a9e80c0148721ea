"use client";

import type { ListFilter } from "@purposeful/db";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";

/**
 * On the persons list (marketing and up): a new list of everyone the current filter shows, or the
 * ticked persons added to an existing list.
 */
export function PersonsListActions({
  filter,
  selected,
}: {
  filter: ListFilter;
  selected: ReadonlySet<string>;
}) {
  const t = useTranslations("lists.fromPersons");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const lists = useQuery(trpc.lists.list.queryOptions({ limit: 200 }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.lists.list.queryKey() });
  const fromFilter = useMutation(trpc.lists.createFromFilter.mutationOptions({ onSuccess: invalidate }));
  const add = useMutation(trpc.lists.addMembers.mutationOptions({ onSuccess: invalidate }));
  const error = (fromFilter.error ?? add.error)?.message;

  return (
    <div className="mb-3 flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white px-3 py-2 text-sm">
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          add.reset();
          fromFilter.mutate({ name, filter });
        }}
      >
        <label className="flex flex-col">
          {t("newListName")}
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={200}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          disabled={fromFilter.isPending}
          className="rounded bg-blue-700 px-3 py-1.5 text-white"
        >
          {t("createFromFilter")}
        </button>
      </form>
      {selected.size > 0 && (
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            fromFilter.reset();
            add.mutate({ listId: target, personIds: [...selected] });
          }}
        >
          <label className="flex flex-col">
            {t("targetList")}
            <select
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              required
              className="rounded border border-slate-300 px-2 py-1"
            >
              <option value="">{t("chooseList")}</option>
              {(lists.data?.rows ?? []).map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            disabled={add.isPending}
            className="rounded bg-blue-700 px-3 py-1.5 text-white"
          >
            {t("addSelected", { count: selected.size })}
          </button>
        </form>
      )}
      <p role="status" className="basis-full">
        {fromFilter.data && (
          <Link href={`/lists/${fromFilter.data.id}`} className="text-blue-800 hover:underline">
            {t("created", { count: fromFilter.data.added })}
          </Link>
        )}
        {add.data && (
          <Link href={`/lists/${add.variables?.listId}`} className="text-blue-800 hover:underline">
            {t("added", { count: add.data.added })}
          </Link>
        )}
      </p>
      {error && (
        <p role="alert" className="basis-full text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
