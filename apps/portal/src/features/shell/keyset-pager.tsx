"use client";

import type { Dispatch, SetStateAction } from "react";

type Cursors = Array<string | null>;

const button = "rounded border border-slate-300 bg-white px-3 py-1.5 disabled:opacity-50";

/**
 * Paging by keyset: `cursors` is the stack of page starts (the first is null), so "previous" is a
 * pop and "next" pushes the cursor the server returned. Labels come from the caller's messages.
 */
export function KeysetPager({
  cursors,
  setCursors,
  nextCursor,
  labels,
  className = "flex items-center gap-2 text-sm",
}: {
  cursors: Cursors;
  setCursors: Dispatch<SetStateAction<Cursors>>;
  nextCursor: string | null | undefined;
  labels: { label: string; first?: string; previous: string; next: string; page: string };
  className?: string;
}) {
  return (
    <nav aria-label={labels.label} className={className}>
      {labels.first && (
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors([null])}
          className={button}
        >
          {labels.first}
        </button>
      )}
      <button
        type="button"
        disabled={cursors.length === 1}
        onClick={() => setCursors((c) => c.slice(0, -1))}
        className={button}
      >
        {labels.previous}
      </button>
      <span className="px-2 tabular-nums">{labels.page}</span>
      <button
        type="button"
        disabled={!nextCursor}
        onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
        className={button}
      >
        {labels.next}
      </button>
    </nav>
  );
}
