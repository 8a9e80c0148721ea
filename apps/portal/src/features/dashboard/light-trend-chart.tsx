"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const colours = { green: "#16a34a", yellow: "#eab308", red: "#dc2626" } as const;

/**
 * The distribution of traffic lights a day at a time (stacked), drawn with Recharts — a maintained
 * React chart library with accessible SVG output — rather than a chart of our own. The table
 * beside it says the same in numbers.
 */
export function LightTrendChart({
  points,
}: {
  points: Array<{ day: string; green: number; yellow: number; red: number }>;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const dayLabel = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  return (
    <figure aria-label={t("dashboard.lightsTrend")} className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={dayLabel} fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={40} />
          <Tooltip labelFormatter={(day) => dayLabel(String(day))} />
          {(["red", "yellow", "green"] as const).map((light) => (
            <Area
              key={light}
              type="monotone"
              dataKey={light}
              name={t(`lights.${light}`)}
              stackId="lights"
              stroke={colours[light]}
              fill={colours[light]}
              fillOpacity={0.35}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
