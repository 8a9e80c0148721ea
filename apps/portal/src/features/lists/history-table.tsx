import type { ReactNode } from "react";

/** The frame of a list's history (its checks, its requests): a heading, an empty state, a table. */
export function HistoryTable({
  id,
  testId,
  title,
  empty,
  columns,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  /** the text when there is nothing yet, or null while loading or when there are rows */
  empty: string | null;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid={testId}>
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      {empty !== null ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              {columns.map((column) => (
                <th key={column} className="py-1.5 pr-3 font-medium">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </section>
  );
}
