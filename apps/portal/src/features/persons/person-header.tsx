import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TrafficLightBadge } from "../shell/traffic-light-badge";
import { isAnonymized, type PersonView, personName } from "./person-section";

/** `actions`: what the viewer may do with the whole person (e.g. "Erase…"). */
export async function PersonHeader({ view, actions }: { view: PersonView; actions?: ReactNode }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const { person, light } = view;
  const anonymized = isAnonymized(view);
  return (
    <header className="space-y-3">
      <Link href="/persons" className="inline-block text-sm text-blue-800 hover:underline">
        <span aria-hidden="true">← </span>
        {t("person.back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          {person.salutation && <p className="text-sm text-slate-600">{person.salutation}</p>}
          <h1 className="text-2xl font-semibold text-slate-900">
            {anonymized ? t("erasure.erasedPerson") : personName(person)}
          </h1>
          {person.organizationName && <p className="text-slate-700">{person.organizationName}</p>}
          {person.erasedLevel > 0 && (
            <p
              data-testid="erasure-badge"
              className="inline-flex items-center gap-1 rounded bg-slate-800 px-2 py-0.5 text-sm font-medium text-white"
            >
              <span aria-hidden="true">⊘</span>
              {t("erasure.badge", {
                level: person.erasedLevel,
                date: person.erasedAt ? format.dateTime(person.erasedAt, { dateStyle: "medium" }) : "—",
              })}
            </p>
          )}
          {anonymized && <p className="max-w-prose text-sm text-slate-600">{t("erasure.erasedHint")}</p>}
        </div>
        <div className="flex flex-col items-start gap-2 sm:items-end">
          <div className="flex flex-col items-start gap-1 sm:items-end" data-testid="person-light">
            <TrafficLightBadge light={light.light} label={t(`lights.${light.light}`)} />
            <p className="text-sm text-slate-700">{t(`lightMeaning.${light.light}`)}</p>
          </div>
          {actions}
        </div>
      </div>
    </header>
  );
}
