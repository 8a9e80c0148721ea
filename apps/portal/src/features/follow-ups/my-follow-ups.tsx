"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { FollowUpActions } from "./follow-up-actions";

const aboutHref = { request: "/requests", incident: "/incidents", person: "/persons" } as const;

/** The signed-in user's open follow-ups, earliest due first, each with what it is about. */
export function MyFollowUps() {
  const t = useTranslations("followUps");
  const format = useFormatter();
  const trpc = useTRPC();
  const mine = useQuery(trpc.followUps.mine.queryOptions());
  const day = (value: string) =>
    format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  if (mine.isPending) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  if (mine.error)
    return (
      <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
        {mine.error.message}
      </p>
    );
  if (mine.data.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <table className="w-full border-collapse rounded-lg bg-white text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left">
          <th className="px-3 py-2">{t("columns.due")}</th>
          <th className="px-3 py-2">{t("columns.followUp")}</th>
          <th className="px-3 py-2">{t("columns.about")}</th>
          <th className="px-3 py-2">{t("columns.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {mine.data.map((followUp) => (
          <tr key={followUp.id} className="border-b border-slate-100 align-top">
            <td className="px-3 py-2 whitespace-nowrap">
              {day(followUp.dueOn)}
              {followUp.status.overdue ? (
                <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">
                  {t("overdue")}
                </span>
              ) : followUp.status.due ? (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                  {t("today")}
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2">
              <p className="font-medium">{followUp.title}</p>
              {followUp.note && <p className="text-slate-600">{followUp.note}</p>}
              {followUp.postponedCount > 0 && (
                <p className="text-xs text-slate-500">
                  {t("postponed", {
                    count: followUp.postponedCount,
                    reason: followUp.lastPostponeReason ?? "",
                  })}
                </p>
              )}
            </td>
            <td className="px-3 py-2">
              <span className="text-xs text-slate-500">{t(`about.${followUp.about.kind}`)}</span>{" "}
              <Link
                href={`${aboutHref[followUp.about.kind]}/${followUp.about.id}`}
                className="text-blue-700 underline"
              >
                {followUp.about.label}
              </Link>
            </td>
            <td className="px-3 py-2">
              <FollowUpActions followUpId={followUp.id} title={followUp.title} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
