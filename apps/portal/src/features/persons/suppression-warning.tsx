"use client";

import { useFormatter, useTranslations } from "next-intl";

/**
 * "An erased contact used this address on …" (nothing more about them), from the duplicate check.
 * A dpo (or admin) may tick the explicit override, which the server audits; others are told who can.
 */
export function SuppressionWarning({
  suppressed,
  mayOverride,
  override,
  onOverride,
}: {
  suppressed: ReadonlyArray<{ since: string }>;
  mayOverride: boolean;
  override: boolean;
  onOverride: (value: boolean) => void;
}) {
  const t = useTranslations("suppression");
  const format = useFormatter();
  if (suppressed.length === 0) return null;
  // A calendar day: read and print it in UTC so no time zone shifts it.
  const day = (since: string) =>
    format.dateTime(new Date(`${since}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  return (
    <div
      role="alert"
      data-testid="suppression-warning"
      className="md:col-span-2 space-y-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-red-900"
    >
      {suppressed.map((hit) => (
        <p key={hit.since} className="font-medium">
          <span aria-hidden="true">⚠ </span>
          {t("warning", { date: day(hit.since) })}
        </p>
      ))}
      {mayOverride ? (
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="checkbox"
            checked={override}
            onChange={(e) => onOverride(e.target.checked)}
            name="overrideSuppression"
            className="size-5"
            data-testid="suppression-override"
          />
          {t("override")}
        </label>
      ) : (
        <p className="text-sm">{t("dpoOnly")}</p>
      )}
    </div>
  );
}
