"use client";

import type { ErasurePlan, ErasureStep, LegalHold } from "@purposeful/domain";
import { useFormatter, useTranslations } from "next-intl";

/** A hold's `until` is a calendar date (YYYY-MM-DD): printed in UTC so no zone shifts the day. */
export function useCalendarDate(): (date: string) => string {
  const format = useFormatter();
  return (date) => format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
}

export function useStepText(): (step: ErasureStep) => string {
  const t = useTranslations("erasure");
  return (step) => {
    const key = `steps.${step.table}.${step.action}`;
    return t.has(key)
      ? t(key, { count: step.count })
      : t("genericStep", {
          action: t(`actions.${step.action}`),
          table: t(`tables.${step.table}`),
          count: step.count,
        });
  };
}

/** One held item in words: what it is, which duty keeps it, the law and the day it may go. */
export function useHoldText(): (table: string, hold: LegalHold) => string {
  const t = useTranslations("erasure");
  const calendarDate = useCalendarDate();
  return (table, hold) =>
    t("preview.heldItem", {
      item: t(`heldTables.${table}`),
      hold: t(`holdKeys.${hold.key}`),
      source: hold.source,
      date: calendarDate(hold.until),
    });
}

/**
 * What erasure at the chosen level will do, in plain language: each step with its count; at levels
 * 1–2 the records that stay and why; at level 3 each held item with its law and date; the Art. 19
 * recipients who will be told.
 */
export function ErasurePreview({ plan }: { plan: ErasurePlan }) {
  const t = useTranslations("erasure.preview");
  const tb = useTranslations("legalBases");
  const stepText = useStepText();
  const holdText = useHoldText();
  if (plan.alreadyDone) {
    return (
      <p data-testid="erasure-preview" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t("alreadyDone")}
      </p>
    );
  }
  return (
    <div data-testid="erasure-preview" className="space-y-3 text-sm">
      <div>
        <p className="font-medium">{plan.steps.length > 0 ? t("steps") : t("noSteps")}</p>
        <ul className="ml-5 list-disc space-y-0.5">
          {plan.steps.map((step) => (
            <li key={`${step.table}.${step.action}`} data-step={`${step.table}.${step.action}`}>
              {stepText(step)}
            </li>
          ))}
        </ul>
      </div>
      {plan.level === 2 && <p data-testid="erasure-primary-stays">{t("primaryStays")}</p>}
      {plan.level < 3 && (
        <p data-testid="erasure-kept" className="rounded bg-slate-50 px-3 py-2">
          {plan.kept.length > 0
            ? t("kept", {
                records: plan.kept
                  .map((kept) => t("keptItem", { basis: tb(kept.legalBasis), count: kept.count }))
                  .join(", "),
              })
            : t("noKept")}
        </p>
      )}
      {plan.level === 3 && (
        <div data-testid="erasure-held" className="rounded bg-slate-50 px-3 py-2">
          {plan.held.length > 0 ? (
            <>
              <p>{t("held")}</p>
              <ul className="ml-5 list-disc space-y-0.5">
                {plan.held.map((item) => (
                  <li key={`${item.table}:${item.id}`} data-hold={item.hold.key}>
                    {holdText(item.table, item.hold)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("noHeld")}</p>
          )}
        </div>
      )}
      <RecipientList recipients={plan.recipients} intro={t("recipients")} none={t("noRecipients")} />
    </div>
  );
}

export function RecipientList({
  recipients,
  intro,
  none,
}: {
  recipients: readonly string[];
  intro: string;
  none: string;
}) {
  if (recipients.length === 0) return <p data-testid="erasure-recipients">{none}</p>;
  return (
    <div data-testid="erasure-recipients">
      <p>{intro}</p>
      <ul className="ml-5 list-disc">
        {recipients.map((recipient) => (
          <li key={recipient}>{recipient}</li>
        ))}
      </ul>
    </div>
  );
}
