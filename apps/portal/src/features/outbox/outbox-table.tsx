"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import type { AppRouter } from "../../server/root";
import { OutboxStatusBadge } from "./outbox-status-badge";

export type OutboxRow = inferRouterOutputs<AppRouter>["outbox"]["list"]["rows"][number];

const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2 align-top";

export function OutboxTable({
  rows,
  selectedId,
  onSelect,
}: {
  rows: OutboxRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("outbox");
  const format = useFormatter();
  const columns = [
    "created",
    "to",
    "template",
    "language",
    "subject",
    "status",
    "attempts",
    "lastError",
  ] as const;
  return (
    <table className="w-full text-left text-sm">
      <thead className="bg-slate-100">
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className={th}>
              {t(`columns.${column}`)}
            </th>
          ))}
          <th scope="col" className={th}>
            <span className="sr-only">{t("show")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            data-testid="outbox-row"
            className={`border-t border-slate-100 ${row.id === selectedId ? "bg-blue-50" : ""}`}
          >
            <td className={`${td} whitespace-nowrap tabular-nums`}>
              {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </td>
            <td className={`${td} break-all`}>{row.toAddress}</td>
            <td className={`${td} font-mono text-xs`}>{row.template}</td>
            <td className={`${td} uppercase`}>{row.language}</td>
            <td className={td}>{row.subject ?? t("detail.notRenderedSubject")}</td>
            <td className={td}>
              <OutboxStatusBadge status={row.status} />
            </td>
            <td className={`${td} tabular-nums`}>{row.attempts}</td>
            <td className={`${td} max-w-xs truncate text-xs text-red-800`} title={row.lastError ?? undefined}>
              {row.lastError}
            </td>
            <td className={td}>
              <button
                type="button"
                onClick={() => onSelect(row.id)}
                aria-pressed={row.id === selectedId}
                className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
              >
                {t("show")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
