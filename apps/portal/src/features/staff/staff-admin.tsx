"use client";

import { type StaffRole, staffRoles } from "@purposeful/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { CreateStaffForm } from "./create-staff-form";

export function StaffAdmin({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.staff.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
  const setRole = useMutation(trpc.staff.setRole.mutationOptions({ onSettled: refresh }));
  const setActive = useMutation(trpc.staff.setActive.mutationOptions({ onSettled: refresh }));
  const error = setRole.error ?? setActive.error;

  return (
    <div className="space-y-6">
      <CreateStaffForm />
      <div aria-live="polite">
        {error && (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
            {error.message}
          </p>
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("staff.name")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("staff.email")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("staff.role")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("staff.status")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("staff.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((user) => (
              <tr key={user.id} className="border-t border-slate-100" data-testid="staff-row">
                <td className="px-3 py-2">
                  {user.name}
                  {user.id === currentUserId && (
                    <span className="ml-1 text-slate-500">({t("staff.you")})</span>
                  )}
                </td>
                <td className="px-3 py-2">{user.email}</td>
                <td className="px-3 py-2">
                  <select
                    aria-label={t("staff.changeRoleOf", { name: user.name })}
                    value={user.role}
                    disabled={setRole.isPending}
                    onChange={(event) =>
                      setRole.mutate({ userId: user.id, role: event.target.value as StaffRole })
                    }
                    className="rounded border border-slate-300 bg-white px-2 py-1"
                  >
                    {staffRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-3 py-2">{user.banned ? t("staff.deactivated") : t("staff.active")}</td>
                <td className="px-3 py-2">
                  {user.id !== currentUserId && (
                    <button
                      type="button"
                      disabled={setActive.isPending}
                      onClick={() => setActive.mutate({ userId: user.id, active: user.banned })}
                      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
                    >
                      {user.banned ? t("staff.reactivate") : t("staff.deactivate")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
