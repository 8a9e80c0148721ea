"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";

/** The marketing lists, newest first, with their member counts, and a form to start an empty one. */
export function ListsView() {
  const t = useTranslations("lists");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const lists = useQuery(trpc.lists.list.queryOptions({ cursor, limit: 50 }));
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.lists.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.lists.list.queryKey() });
        router.push(`/lists/${id}`);
      },
    }),
  );

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name });
        }}
      >
        <label className="flex flex-col text-sm">
          {t("name")}
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={200}
            className="rounded border border-slate-300 px-2 py-1.5"
          />
        </label>
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          {t("create")}
        </button>
        {create.error && (
          <p role="alert" className="text-sm text-red-800">
            {create.error.message}
          </p>
        )}
      </form>
      {lists.error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {lists.error.message}
        </p>
      )}
      <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("name")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("members")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("createdAt")}
            </th>
          </tr>
        </thead>
        <tbody>
          {(lists.data?.rows ?? []).map((list) => (
            <tr key={list.id} className="border-t border-slate-100" data-testid="list-row">
              <td className="px-3 py-2">
                <Link href={`/lists/${list.id}`} className="text-blue-800 hover:underline">
                  {list.name}
                </Link>
              </td>
              <td className="px-3 py-2 tabular-nums">{format.number(list.memberCount)}</td>
              <td className="px-3 py-2">{format.dateTime(list.createdAt, { dateStyle: "medium" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lists.data?.rows.length === 0 && <p className="text-slate-600">{t("empty")}</p>}
      <nav className="flex gap-2 text-sm" aria-label={t("paging")}>
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 disabled:opacity-50"
        >
          {t("previous")}
        </button>
        <button
          type="button"
          disabled={!lists.data?.nextCursor}
          onClick={() => lists.data?.nextCursor && setCursors((c) => [...c, lists.data.nextCursor])}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 disabled:opacity-50"
        >
          {t("next")}
        </button>
      </nav>
    </div>
  );
}
