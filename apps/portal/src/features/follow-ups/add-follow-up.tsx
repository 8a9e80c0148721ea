"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";

/** What the follow-up is about: exactly one request case, incident or person. */
export type AddFollowUpProps = { requestId: string } | { incidentId: string } | { personId: string };

const input = "w-full rounded border border-slate-300 bg-white px-3 py-2";

/**
 * A follow-up (Wiedervorlage) on a request case, an incident or a person: a title, a due day, an
 * assignee (the current user unless chosen otherwise) and a note. Used on the person page and the
 * case pages.
 */
export function AddFollowUp(props: AddFollowUpProps) {
  const t = useTranslations("followUps");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const assignees = useQuery({ ...trpc.followUps.assignees.queryOptions(), enabled: open });
  const create = useMutation(trpc.followUps.create.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setSaved(false);
    await create.mutateAsync({
      ...props,
      title: String(data.get("title") ?? ""),
      note: String(data.get("note") ?? ""),
      dueOn: String(data.get("dueOn") ?? ""),
      assigneeId: String(data.get("assigneeId") ?? ""),
    });
    form.reset();
    setSaved(true);
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: trpc.followUps.mine.queryKey() });
    // The header's count is rendered on the server.
    router.refresh();
  }

  return (
    <section aria-labelledby="add-follow-up" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-center gap-4">
        <h2 id="add-follow-up" className="text-lg font-semibold">
          {t("add.title")}
        </h2>
        {!open && (
          <button
            type="button"
            onClick={() => setOpen(true)}
            className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
          >
            {t("add.open")}
          </button>
        )}
        {saved && <p className="rounded bg-green-50 px-3 py-1 text-sm text-green-900">{t("add.saved")}</p>}
      </div>
      {open && (
        <form onSubmit={submit} aria-label={t("add.title")} className="mt-3 grid gap-4 md:grid-cols-2">
          <label className="md:col-span-2">
            <span className="mb-1 block text-sm font-medium">{t("fields.title")}</span>
            <input name="title" required maxLength={200} className={input} />
          </label>
          <label>
            <span className="mb-1 block text-sm font-medium">{t("fields.dueOn")}</span>
            <input name="dueOn" type="date" required className={input} />
          </label>
          <div>
            <label htmlFor="follow-up-assignee" className="mb-1 block text-sm font-medium">
              {t("fields.assignee")}
            </label>
            <select
              id="follow-up-assignee"
              name="assigneeId"
              key={assignees.data?.me ?? "loading"}
              defaultValue={assignees.data?.me}
              disabled={!assignees.data}
              className={input}
            >
              {assignees.data?.staff.map((staff) => (
                <option key={staff.id} value={staff.id}>
                  {staff.name}
                </option>
              ))}
            </select>
          </div>
          <label className="md:col-span-2">
            <span className="mb-1 block text-sm font-medium">{t("fields.note")}</span>
            <textarea name="note" rows={2} maxLength={5000} className={input} />
          </label>
          <div className="flex items-center gap-4 md:col-span-2">
            <button
              type="submit"
              disabled={create.isPending || !assignees.data}
              className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
            >
              {t("add.save")}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded border px-4 py-2">
              {t("cancel")}
            </button>
            {create.error && (
              <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
                {create.error.message}
              </p>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
