"use client";

import { channels, legalBases, legalBasisArticle } from "@purposeful/domain";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import type { PurposeFormValues } from "./purpose-form-values";
import { TransfersField } from "./purpose-transfers-field";

export const inputClass = "w-full rounded border border-slate-300 px-3 py-2";
const labelClass = "mb-1 block text-sm font-medium";
const hintClass = "mt-1 block text-xs text-slate-600";

/** A labelled control with an optional hint that is announced as its description. */
export function Field({
  id,
  label,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  className?: string;
  children: (props: { id: string; "aria-describedby"?: string }) => ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children({ id, ...(hint ? { "aria-describedby": `${id}-hint` } : {}) })}
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
    </div>
  );
}

function Check({
  name,
  label,
  hint,
  checked,
}: {
  name: string;
  label: string;
  hint: string;
  checked: boolean;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={`purpose-${name}`}
        type="checkbox"
        name={name}
        defaultChecked={checked}
        aria-describedby={`purpose-${name}-hint`}
        className="mt-1"
      />
      <div>
        <label htmlFor={`purpose-${name}`} className="block text-sm font-medium">
          {label}
        </label>
        <p id={`purpose-${name}-hint`} className={hintClass}>
          {hint}
        </p>
      </div>
    </div>
  );
}

/** Everything but the key: texts in both languages in full, basis, channels, retention, lists. */
export function PurposeFields({ values }: { values: PurposeFormValues }) {
  const t = useTranslations();
  // Choosing a default basis ticks it as allowed (it must be; the server checks it again).
  const [allowed, setAllowed] = useState(values.allowedLegalBases);
  const toggle = (basis: PurposeFormValues["defaultLegalBasis"], on: boolean) =>
    setAllowed((current) => (on ? [...new Set([...current, basis])] : current.filter((b) => b !== basis)));
  return (
    <>
      {(["de", "en"] as const).map((language) => (
        <fieldset
          key={language}
          className="space-y-3 rounded border border-slate-200 p-3 md:col-span-2"
          lang={language}
        >
          <legend className="px-1 text-sm font-semibold">{t(`languages.${language}`)}</legend>
          <Field id={`purpose-${language}-name`} label={t("purposes.name")}>
            {(props) => (
              <input
                {...props}
                name={`${language}.name`}
                required
                maxLength={200}
                defaultValue={values.texts[language].name}
                className={inputClass}
              />
            )}
          </Field>
          <Field
            id={`purpose-${language}-description`}
            label={t("purposes.description")}
            hint={t("purposes.descriptionHint")}
          >
            {(props) => (
              <textarea
                {...props}
                name={`${language}.description`}
                required
                maxLength={10000}
                rows={5}
                defaultValue={values.texts[language].description}
                className={inputClass}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <Field id="purpose-basis" label={t("purposes.basis")}>
        {(props) => (
          <select
            {...props}
            name="defaultLegalBasis"
            defaultValue={values.defaultLegalBasis}
            onChange={(event) => toggle(event.target.value as PurposeFormValues["defaultLegalBasis"], true)}
            className={inputClass}
          >
            {legalBases.map((basis) => (
              <option key={basis} value={basis}>
                {t("purposes.basisWithArticle", {
                  basis: t(`legalBases.${basis}`),
                  article: legalBasisArticle[basis],
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="purpose-retention" label={t("purposes.retention")} hint={t("purposes.retentionHint")}>
        {(props) => (
          <input
            {...props}
            name="retentionPeriod"
            required
            maxLength={40}
            defaultValue={values.retentionPeriod}
            placeholder="P2Y"
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <fieldset className="md:col-span-2" aria-describedby="purpose-allowed-bases-hint">
        <legend className={labelClass}>{t("purposeScope.allowedBases")}</legend>
        <div className="flex flex-wrap gap-4">
          {legalBases.map((basis) => (
            <label key={basis} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="allowedLegalBases"
                value={basis}
                checked={allowed.includes(basis)}
                onChange={(event) => toggle(basis, event.target.checked)}
              />
              {t(`legalBases.${basis}`)}
            </label>
          ))}
        </div>
        <p id="purpose-allowed-bases-hint" className={hintClass}>
          {t("purposeScope.allowedBasesHint")}
        </p>
      </fieldset>
      <fieldset className="md:col-span-2">
        <legend className={labelClass}>{t("purposes.channels")}</legend>
        <div className="flex flex-wrap gap-4">
          {channels.map((channel) => (
            <label key={channel} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="channels"
                value={channel}
                defaultChecked={values.channels.includes(channel)}
              />
              {t(`channels.${channel}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {(["dataSubjectCategories", "dataCategories", "recipients"] as const).map((name) => (
        <Field key={name} id={`purpose-${name}`} label={t(`purposes.${name}`)} hint={t("purposes.commaHint")}>
          {(props) => (
            <input {...props} name={name} defaultValue={values[name].join(", ")} className={inputClass} />
          )}
        </Field>
      ))}
      <TransfersField initial={values.thirdCountryTransfers} />
      <Check
        name="doubleOptIn"
        label={t("purposes.doubleOptIn")}
        hint={t("purposes.doubleOptInHint")}
        checked={values.doubleOptIn}
      />
      <Check
        name="directMarketing"
        label={t("purposeScope.directMarketing")}
        hint={t("purposeScope.directMarketingHint")}
        checked={values.directMarketing}
      />
      <Check
        name="ownSimilarGoods"
        label={t("purposeScope.ownSimilarGoods")}
        hint={t("purposeScope.ownSimilarGoodsHint")}
        checked={values.ownSimilarGoods}
      />
      <Check
        name="profiling"
        label={t("purposeScope.profiling")}
        hint={t("purposeScope.profilingHint")}
        checked={values.profiling}
      />
      <Check
        name="active"
        label={t("purposes.active")}
        hint={t("purposes.activeHint")}
        checked={values.active}
      />
    </>
  );
}
