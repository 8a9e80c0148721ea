"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";
import { NoEntries, PersonSection } from "../persons/person-section";
import { dueTone, useCaseFormat } from "./case-format";
import { IncidentClock } from "./incident-clock";

/** Issue 11: the person's request cases (and, for the DPO, breaches), each a link to its case. */
export function PersonCases({ personId }: { personId: string }) {
  const t = useTranslations("case");
  const tr = useTranslations("requests");
  const tt = useTranslations("requestTypes");
  const ts = useTranslations("requestStatus");
  const f = useCaseFormat();
  const trpc = useTRPC();
  const cases = useQuery(trpc.requests.ofPerson.queryOptions({ personId }));
  const requests = cases.data?.requests ?? [];
  const incidents = cases.data?.incidents ?? [];
  return (
    <PersonSection id="person-cases" title={t("personCases")} testId="person-cases">
      {requests.length + incidents.length === 0 ? (
        <NoEntries text={cases.isLoading ? "…" : t("noCases")} />
      ) : (
        <ul className="space-y-1 text-sm">
          {requests.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/requests/${row.id}`} className="text-blue-800 hover:underline">
                {row.number}
              </Link>
              <span>{tt(row.type)}</span>
              <span className="text-slate-600">{f.instant(row.receivedAt)}</span>
              {row.status === "closed" ? (
                <span className="text-slate-600">{ts("closed")}</span>
              ) : (
                <span className={`rounded px-1.5 py-0.5 text-xs ${dueTone(row.daysLeft, row.overdue)}`}>
                  {row.overdue
                    ? tr("overdue", { days: -row.daysLeft })
                    : tr("daysLeft", { days: row.daysLeft })}
                </span>
              )}
            </li>
          ))}
          {incidents.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/incidents/${row.id}`} className="text-blue-800 hover:underline">
                {row.number}
              </Link>
              <span>{row.title}</span>
              <IncidentClock incident={row} />
            </li>
          ))}
        </ul>
      )}
    </PersonSection>
  );
}
