"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../trpc/react";
import { ListCheck } from "./list-check";
import { ListImport } from "./list-import";
import { ListMembersTable } from "./list-members-table";

/** One list: its name (rename), delete with confirmation, members, and the CSV import. */
export function ListDetail({ listId, mayIncludeRefusals }: { listId: string; mayIncludeRefusals: boolean }) {
  const t = useTranslations("lists");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.lists.get.queryOptions({ listId }));
  const [name, setName] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rename = useMutation(
    trpc.lists.rename.mutationOptions({
      onSuccess: async () => {
        setName(null);
        await queryClient.invalidateQueries({ queryKey: trpc.lists.get.queryKey({ listId }) });
      },
    }),
  );
  const remove = useMutation(
    trpc.lists.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.lists.list.queryKey() });
        router.push("/lists");
      },
    }),
  );

  if (list.error)
    return (
      <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
        {list.error.message}
      </p>
    );
  if (!list.data) return <p className="text-slate-600">{t("loading")}</p>;
  const error = (rename.error ?? remove.error)?.message;

  return (
    <div className="space-y-6">
      <Link href="/lists" className="text-sm text-blue-800 hover:underline">
        {t("back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        {name === null ? (
          <>
            <h1 className="text-2xl font-semibold">{list.data.name}</h1>
            <button
              type="button"
              onClick={() => setName(list.data.name)}
              className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
            >
              {t("rename")}
            </button>
          </>
        ) : (
          <form
            className="flex items-center gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              rename.mutate({ listId, name });
            }}
          >
            <label className="sr-only" htmlFor="list-name">
              {t("name")}
            </label>
            <input
              id="list-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={200}
              className="rounded border border-slate-300 px-2 py-1.5"
            />
            <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white">
              {t("save")}
            </button>
            <button type="button" onClick={() => setName(null)} className="text-sm hover:underline">
              {t("cancel")}
            </button>
          </form>
        )}
        <span className="text-sm text-slate-600" data-testid="member-count">
          {t("memberCount", {
            count: list.data.memberCount,
            formatted: format.number(list.data.memberCount),
          })}
        </span>
        <div className="ml-auto">
          {confirming ? (
            <span
              role="alertdialog"
              aria-label={t("deleteConfirm")}
              className="flex items-center gap-2 text-sm"
            >
              {t("deleteConfirm")}
              <button
                type="button"
                onClick={() => remove.mutate({ listId })}
                className="rounded bg-red-700 px-3 py-1.5 text-white"
              >
                {t("deleteYes")}
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="hover:underline">
                {t("cancel")}
              </button>
            </span>
          ) : (
            <button
              type="button"
              onClick={() => setConfirming(true)}
              className="rounded border border-red-300 px-3 py-1 text-sm text-red-800 hover:bg-red-50"
            >
              {t("delete")}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <ListCheck listId={listId} mayIncludeRefusals={mayIncludeRefusals} />
      <ListMembersTable listId={listId} />
      <ListImport listId={listId} />
    </div>
  );
}
