"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";

const th = "px-3 py-2 text-left font-medium text-slate-600";
const td = "px-3 py-2 align-top";

/** The catalogue; every role may read it, the name links to the purpose's page. */
export function PurposesTable() {
  const t = useTranslations();
  const trpc = useTRPC();
  const purposes = useQuery(trpc.purposes.list.queryOptions());
  const rows = purposes.data ?? [];
  const yesNo = (value: boolean) => t(value ? "purposes.yes" : "purposes.no");

  if (purposes.isPending) return <p className="text-sm text-slate-600">{t("purposes.loading")}</p>;
  if (purposes.error)
    return (
      <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
        {purposes.error.message}
      </p>
    );
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("purposes.empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {(
              ["name", "key", "basis", "channels", "doubleOptIn", "retention", "active", "version"] as const
            ).map((column) => (
              <th key={column} scope="col" className={th}>
                {t(`purposes.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="purpose-row" className={row.active ? undefined : "text-slate-500"}>
              <td className={`${td} font-medium`}>
                <Link href={`/purposes/${row.id}`} className="text-blue-800 hover:underline">
                  {row.name ?? row.key}
                </Link>
              </td>
              <td className={`${td} font-mono text-xs`}>{row.key}</td>
              <td className={td}>
                {t("purposes.basisWithArticle", {
                  basis: t(`legalBases.${row.defaultLegalBasis}`),
                  article: row.legalBasisArticle,
                })}
              </td>
              <td className={td}>
                {row.channels.length === 0
                  ? t("purposes.none")
                  : row.channels.map((channel) => t(`channels.${channel}`)).join(", ")}
              </td>
              <td className={td}>{yesNo(row.doubleOptIn)}</td>
              <td className={`${td} font-mono text-xs`}>{row.retentionPeriod}</td>
              <td className={td}>{row.active ? t("purposes.active") : t("purposes.inactive")}</td>
              <td className={td}>{row.currentVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
