"use client";

import type { Language } from "@purposeful/domain";
import { useFormatter, useTranslations } from "next-intl";

export interface PurposeVersionItem {
  version: number;
  material: boolean;
  createdAt: Date;
  createdByName: string | null;
  texts: Partial<Record<Language, { name: string; description: string }>>;
}

/** Every version of a purpose's texts, newest first, in full: which text someone agreed to stays visible. */
export function PurposeHistory({
  versions,
  currentVersion,
  minValidVersion,
}: {
  versions: PurposeVersionItem[];
  currentVersion: number;
  minValidVersion: number;
}) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <section
      aria-labelledby="purpose-history"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="purpose-history" className="mb-1 text-lg font-semibold">
        {t("purposes.history")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        {t("purposes.minValidVersion", { version: minValidVersion })}
      </p>
      <ol className="space-y-4">
        {versions.map((entry) => {
          const date = format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" });
          return (
            <li
              key={entry.version}
              data-testid="purpose-version"
              className="rounded border border-slate-200 p-3"
            >
              <h3 className="flex flex-wrap items-baseline gap-2 font-medium">
                <span>{t("purposes.versionLabel", { version: entry.version })}</span>
                {entry.version === currentVersion && (
                  <span className="rounded bg-blue-50 px-2 text-xs text-blue-800">
                    {t("purposes.current")}
                  </span>
                )}
                <span
                  className={
                    entry.material
                      ? "rounded bg-amber-50 px-2 text-xs text-amber-900"
                      : "rounded bg-slate-100 px-2 text-xs text-slate-700"
                  }
                >
                  {entry.material ? t("purposes.materialMark") : t("purposes.editorialMark")}
                </span>
                <span className="text-sm font-normal text-slate-600">
                  {entry.createdByName
                    ? t("purposes.createdBy", { date, name: entry.createdByName })
                    : t("purposes.createdAt", { date })}
                </span>
              </h3>
              <div className="mt-2 grid gap-3 md:grid-cols-2">
                {(["de", "en"] as const).map((language) => (
                  <div key={language} lang={language}>
                    <p className="text-xs uppercase text-slate-500">{t(`languages.${language}`)}</p>
                    <p className="font-medium">{entry.texts[language]?.name ?? t("purposes.none")}</p>
                    <p className="whitespace-pre-wrap text-sm text-slate-800">
                      {entry.texts[language]?.description}
                    </p>
                  </div>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
