import type { ReactNode } from "react";
import type { createCaller } from "../../server/root";

/** What `persons.get` returns to a server component (dates stay `Date`, no serialization). */
export type PersonView = Awaited<ReturnType<ReturnType<typeof createCaller>["persons"]["get"]>>;
export type PersonRecordView = PersonView["records"][number];

export const thClass = "px-3 py-2 text-left font-medium text-slate-600";
export const tdClass = "px-3 py-2 align-top";

/** A titled page section; the heading labels it for screen readers. */
export function PersonSection({
  id,
  title,
  children,
  testId,
}: {
  id: string;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid={testId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function NoEntries({ text }: { text: string }) {
  return <p className="text-sm text-slate-600">{text}</p>;
}

/** A table that scrolls sideways on narrow screens instead of squeezing its columns. */
export function PersonTable({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {head.map((label) => (
              <th key={label} scope="col" className={thClass}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** Valid or not as icon plus text, so the state never depends on colour alone. */
export function ValidityMark({ valid, label }: { valid: boolean; label: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 font-medium ${valid ? "text-green-800" : "text-red-800"}`}
    >
      <span aria-hidden="true">{valid ? "✓" : "✗"}</span>
      {label}
    </span>
  );
}

/** Erasure level 3: the person is anonymized (names empty), nothing is edited or recorded any more. */
export function isAnonymized(view: Pick<PersonView, "person">): boolean {
  return view.person.erasedLevel >= 3;
}

export function personName(person: Pick<PersonView["person"], "title" | "firstName" | "lastName">): string {
  return [person.title, person.firstName, person.lastName].filter(Boolean).join(" ");
}

/** The latest state change of a record: when its current state began. */
export function recordSince(record: PersonRecordView): Date | null {
  const stamps = [
    record.requestedAt,
    record.grantedAt,
    record.confirmedAt,
    record.withdrawnAt,
    record.declinedAt,
    record.endedAt,
    record.objectedAt,
  ].filter((stamp): stamp is Date => stamp !== null);
  if (stamps.length === 0) return null;
  return new Date(Math.max(...stamps.map((stamp) => stamp.getTime())));
}
