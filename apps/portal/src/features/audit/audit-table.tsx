"use client";

import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { AppRouter } from "../../server/root";
import {
  actionLabel,
  actorLabel,
  auditTimeZone,
  formatPersonal,
  labelOf,
  personalErased,
  summarizeChanges,
} from "./audit-format";

export type AuditRow = inferRouterOutputs<AppRouter>["audit"]["list"]["rows"][number];

const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2 align-top";

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <table className="w-full text-left text-sm">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={th}>
            {t("audit.columns.time")}
          </th>
          <th scope="col" className={th}>
            {t("audit.columns.actor")}
          </th>
          <th scope="col" className={th}>
            {t("audit.columns.action")}
          </th>
          <th scope="col" className={th}>
            {t("audit.columns.entity")}
          </th>
          <th scope="col" className={th}>
            {t("audit.columns.person")}
          </th>
          <th scope="col" className={th}>
            {t("audit.columns.changes")}
          </th>
          <th scope="col" className={th}>
            {t("audit.columns.personal")}
          </th>
          <th scope="col" className={th}>
            {t("audit.columns.evidence")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-100" data-testid="audit-row">
            <td className={`${td} whitespace-nowrap tabular-nums`}>
              <span className="block text-xs text-slate-500">#{row.id}</span>
              {format.dateTime(row.occurredAt, {
                dateStyle: "medium",
                timeStyle: "medium",
                timeZone: auditTimeZone,
              })}
            </td>
            <td className={td}>
              <span className="block text-xs text-slate-500">
                {labelOf(t, "audit.actorTypes", row.actorType)}
              </span>
              {actorLabel(t, row)}
            </td>
            <td className={td}>
              {actionLabel(t, row.action)}
              <span className="block font-mono text-xs text-slate-500">{row.action}</span>
            </td>
            <td className={td}>
              {labelOf(t, "audit.entities", row.entityType)}
              {row.entityId && (
                <span className="block break-all font-mono text-xs text-slate-500">{row.entityId}</span>
              )}
            </td>
            <td className={td}>
              {row.personId ? (
                <Link href={`/persons/${row.personId}`} className="text-blue-800 hover:underline">
                  {row.personName ?? <span className="font-mono text-xs">{row.personId}</span>}
                </Link>
              ) : (
                "—"
              )}
            </td>
            <td className={`${td} max-w-md`}>{summarizeChanges(t, row.changes) || "—"}</td>
            <td className={`${td} max-w-xs break-words`}>
              {personalErased(row) ? (
                <span className="italic text-slate-600">{t("audit.shredded")}</span>
              ) : row.personal === "unreadable" ? (
                <span className="italic text-red-800">{t("audit.unreadable")}</span>
              ) : (
                formatPersonal(row.personal) || "—"
              )}
            </td>
            <td className={td}>
              {row.evidenceDocumentId ? (
                <Link
                  href={`/documents/${row.evidenceDocumentId}`}
                  className="whitespace-nowrap text-blue-800 hover:underline"
                >
                  {t("audit.openEvidence")}
                </Link>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
