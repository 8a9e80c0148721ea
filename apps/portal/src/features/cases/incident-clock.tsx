"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useCaseFormat } from "./case-format";

const hourMs = 3_600_000;

/**
 * The live 72-hour clock of Art. 33(1): hours left until the deadline the domain computed, ticking
 * each minute while the authority is not notified; afterwards when it was notified, and whether late.
 */
export function IncidentClock({
  incident,
}: {
  incident: { deadline: Date; authorityNotifiedAt: Date | null; late: boolean; status: string };
}) {
  const t = useTranslations("incidents");
  const f = useCaseFormat();
  const [now, setNow] = useState(() => Date.now());
  const running = incident.authorityNotifiedAt === null && incident.status !== "closed";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [running]);
  if (incident.authorityNotifiedAt)
    return (
      <span className={incident.late ? "text-red-900" : "text-green-900"}>
        {t(incident.late ? "notifiedLate" : "notified", { at: f.instant(incident.authorityNotifiedAt) })}
      </span>
    );
  if (!running) return <span>—</span>;
  const left = new Date(incident.deadline).getTime() - now;
  const hours = Math.floor(left / hourMs);
  const tone =
    left < 0 ? "bg-red-100 text-red-900" : hours < 24 ? "bg-amber-100 text-amber-900" : "bg-slate-100";
  return (
    <span
      className={`whitespace-nowrap rounded px-1.5 py-0.5 tabular-nums ${tone}`}
      data-testid="incident-clock"
    >
      {left < 0 ? t("overdue") : t("hoursLeft", { hours })}
    </span>
  );
}
