"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useTRPC } from "../../trpc/react";

export const MAX_SELECTION = 5000;

/** "N selected: X green, Y yellow, Z red", counted by the live rule on the server. */
export function PersonsSelectionBar({
  selected,
  onClear,
}: {
  selected: ReadonlySet<string>;
  onClear: () => void;
}) {
  const t = useTranslations("persons");
  const trpc = useTRPC();
  // A mutation only because up to 5000 ids do not fit into a GET URL; it changes nothing.
  const summary = useMutation(trpc.persons.summarizeSelection.mutationOptions());
  const { mutate } = summary;
  const size = selected.size;
  const tooMany = size > MAX_SELECTION;

  useEffect(() => {
    if (size === 0 || tooMany) return;
    const ids = [...selected];
    // Wait for a burst of clicks to settle before counting.
    const timer = setTimeout(() => mutate({ personIds: ids }), 250);
    return () => clearTimeout(timer);
  }, [selected, size, tooMany, mutate]);

  if (size === 0) return null;
  const counts = summary.data;
  const counted = summary.variables?.personIds;
  // Shown only when the counts belong to exactly the current selection.
  const current =
    counts && summary.isSuccess && counted?.length === size && counted.every((id) => selected.has(id));
  return (
    <div
      className="mb-3 flex flex-wrap items-center gap-3 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm"
      data-testid="selection-bar"
    >
      <p role="status" aria-live="polite">
        {tooMany
          ? t("selectionTooLarge", { count: size, max: MAX_SELECTION })
          : summary.error
            ? summary.error.message
            : current
              ? t("selectionSummary", {
                  count: size,
                  green: counts.green,
                  yellow: counts.yellow,
                  red: counts.red,
                })
              : t("selectionCounting", { count: size })}
      </p>
      <button
        type="button"
        onClick={onClear}
        className="ml-auto rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
      >
        {t("clearSelection")}
      </button>
    </div>
  );
}
