"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "../../trpc/react";
import { dueTone, useCaseFormat } from "../cases/case-format";
import { IncidentClock } from "../cases/incident-clock";
import { TrafficLightBadge } from "../shell/traffic-light-badge";
import { LightTrendChart } from "./light-trend-chart";

function Tile({
  id,
  title,
  link,
  children,
}: {
  id: string;
  title: string;
  link: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`tile-${id}`}
      className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <div className="flex-1">{children}</div>
      <Link href={link.href} className="mt-3 text-sm text-blue-800 hover:underline">
        {link.label} →
      </Link>
    </section>
  );
}

/** Issue 11 #9: the portal's home page; each tile links to its list. */
export function DashboardView() {
  const t = useTranslations("dashboard");
  const tr = useTranslations("requests");
  const tt = useTranslations("requestTypes");
  const tl = useTranslations("lights");
  const f = useCaseFormat();
  const trpc = useTRPC();
  const overview = useQuery(trpc.dashboard.overview.queryOptions());
  const followUps = useQuery(trpc.followUps.mine.queryOptions());
  const data = overview.data;
  if (overview.error)
    return (
      <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
        {overview.error.message}
      </p>
    );
  if (!data) return <p>…</p>;
  const now = data.lights[data.lights.length - 1] ?? { green: 0, yellow: 0, red: 0 };
  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="dashboard">
      <Tile id="requests" title={t("requests")} link={{ href: "/requests", label: t("allRequests") }}>
        <p className="mb-2 text-sm" data-testid="requests-summary">
          {t("requestsSummary", { open: data.requests.open, overdue: data.requests.overdue })}
        </p>
        {data.requests.rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {data.requests.rows.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/requests/${row.id}`} className="text-blue-800 hover:underline">
                  {row.number}
                </Link>
                <span>{tt(row.type)}</span>
                <span className={`rounded px-1.5 py-0.5 text-xs ${dueTone(row.daysLeft, row.overdue)}`}>
                  {row.overdue
                    ? tr("overdue", { days: -row.daysLeft })
                    : tr("daysLeft", { days: row.daysLeft })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Tile>
      <Tile id="follow-ups" title={t("followUps")} link={{ href: "/follow-ups", label: t("allFollowUps") }}>
        {(followUps.data ?? []).length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {(followUps.data ?? []).slice(0, 8).map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs tabular-nums ${dueTone(row.status.daysLeft, row.status.overdue)}`}
                >
                  {f.day(row.dueOn)}
                </span>
                <span>{row.title}</span>
                <Link
                  href={
                    row.about.kind === "person"
                      ? `/persons/${row.about.id}`
                      : `/${row.about.kind}s/${row.about.id}`
                  }
                  className="text-blue-800 hover:underline"
                >
                  {row.about.label}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Tile>
      {data.incidents && (
        <Tile id="incidents" title={t("incidents")} link={{ href: "/incidents", label: t("allIncidents") }}>
          {data.incidents.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t("none")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {data.incidents.rows.map((row) => (
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
        </Tile>
      )}
      {data.retention && (
        <Tile id="retention" title={t("retention")} link={{ href: "/retention", label: t("openRetention") }}>
          <p className="text-sm">{t("retentionDue", { count: data.retention.dueNow })}</p>
          <p className="text-sm">{t("retentionReview", { count: data.retention.underReview })}</p>
        </Tile>
      )}
      <Tile id="lights" title={t("lights")} link={{ href: "/persons", label: t("allPersons") }}>
        <p className="mb-2 flex flex-wrap gap-3 text-sm" data-testid="lights-now">
          {(["green", "yellow", "red"] as const).map((light) => (
            <span key={light} className="flex items-center gap-1">
              <TrafficLightBadge light={light} label={tl(light)} /> {now[light]}
            </span>
          ))}
        </p>
        <LightTrendChart points={data.lights} />
      </Tile>
    </div>
  );
}
