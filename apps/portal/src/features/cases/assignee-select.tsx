"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";

/** Who works the request case (the deadline reminders go to them); changed in place, audited. */
export function AssigneeSelect({
  requestId,
  assigneeId,
  disabled,
  onChanged,
}: {
  requestId: string;
  assigneeId: string | null;
  disabled: boolean;
  onChanged: () => void;
}) {
  const t = useTranslations("requests.fields");
  const trpc = useTRPC();
  const assignees = useQuery(trpc.requests.assignees.queryOptions());
  const assign = useMutation(trpc.requests.assign.mutationOptions({ onSuccess: onChanged }));
  return (
    <label className="flex items-center gap-2 text-sm">
      {t("assignee")}
      <select
        className="rounded border border-slate-300 bg-white px-2 py-1"
        value={assigneeId ?? ""}
        disabled={disabled || assign.isPending}
        onChange={(event) => assign.mutate({ requestId, assigneeId: event.target.value || null })}
      >
        <option value="">{t("nobody")}</option>
        {(assignees.data ?? []).map((staff) => (
          <option key={staff.id} value={staff.id}>
            {staff.name}
          </option>
        ))}
      </select>
      {assign.error && (
        <span role="alert" className="text-red-800">
          {assign.error.message}
        </span>
      )}
    </label>
  );
}
