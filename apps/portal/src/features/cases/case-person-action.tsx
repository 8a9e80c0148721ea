"use client";

import type { Channel, Language, StaffRole } from "@purposeful/domain";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { PersonAccessReports } from "../access-reports/person-access-reports";
import { ObjectionPanel } from "../consent/objection-panel";
import { ErasureAction } from "../erasure/erasure-action";
import { RestrictionDialog } from "../persons/person-privacy-actions";

const reportSteps = new Set(["generate_report", "review_report", "send_report"]);

export interface CasePerson {
  id: string;
  firstName: string;
  lastName: string;
  erasedLevel: number;
  preferredLanguage: Language;
  restricted: boolean;
  dmObjectionChannels: Channel[];
}

/**
 * What a request step runs for one linked person, on the case page (issue 11 #2): the access report
 * (linked to the case), the erasure (recorded in the step), the Art. 20 export, the restriction
 * (Art. 18) and the objection (Art. 21) — the same controls as on the person page. Steps whose work
 * is on the person's data itself (rectification, withdrawing consents, Art. 19) open the person.
 */
export function CasePersonAction({
  stepKey,
  person,
  role,
  requestId,
  onErased,
}: {
  stepKey: string;
  person: CasePerson;
  role: StaffRole;
  requestId: string;
  onErased: (erasureId: string) => void;
}) {
  const t = useTranslations("case");
  const name = `${person.lastName}, ${person.firstName}`;
  if (reportSteps.has(stepKey))
    return (
      <PersonAccessReports
        personId={person.id}
        personLanguage={person.preferredLanguage}
        role={role}
        requestId={requestId}
      />
    );
  const row = (control: React.ReactNode) => (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span>{name}</span>
      {control}
    </div>
  );
  if (stepKey === "erase")
    return row(
      <ErasureAction personId={person.id} role={role} erasedLevel={person.erasedLevel} onErased={onErased} />,
    );
  if (stepKey === "export_data")
    return row(
      <a
        href={`/api/persons/${encodeURIComponent(person.id)}/portability`}
        download
        className="rounded border border-slate-300 bg-white px-3 py-1 text-blue-800 underline hover:bg-slate-100"
      >
        {t("exportData")}
      </a>,
    );
  if (stepKey === "restrict")
    return row(<RestrictionDialog personId={person.id} restricted={person.restricted} />);
  if (stepKey === "record_objection")
    return <ObjectionPanel personId={person.id} objected={person.dmObjectionChannels} />;
  return (
    <p className="text-sm">
      <Link href={`/persons/${person.id}`} className="text-blue-800 hover:underline">
        {t("openPerson")}: {name}
      </Link>
    </p>
  );
}
