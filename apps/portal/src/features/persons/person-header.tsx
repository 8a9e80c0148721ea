import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TrafficLightBadge } from "../shell/traffic-light-badge";
import { type PersonView, personName } from "./person-section";

export async function PersonHeader({ view }: { view: PersonView }) {
  const t = await getTranslations();
  const { person, light } = view;
  return (
    <header className="space-y-3">
      <Link href="/persons" className="inline-block text-sm text-blue-800 hover:underline">
        <span aria-hidden="true">← </span>
        {t("person.back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          {person.salutation && <p className="text-sm text-slate-600">{person.salutation}</p>}
          <h1 className="text-2xl font-semibold text-slate-900">{personName(person)}</h1>
          {person.organizationName && <p className="text-slate-700">{person.organizationName}</p>}
        </div>
        <div className="flex flex-col items-start gap-1 sm:items-end" data-testid="person-light">
          <TrafficLightBadge light={light.light} label={t(`lights.${light.light}`)} />
          <p className="text-sm text-slate-700">{t(`lightMeaning.${light.light}`)}</p>
        </div>
      </div>
    </header>
  );
}
