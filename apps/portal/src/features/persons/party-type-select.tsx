"use client";

import type { PartyType } from "@purposeful/domain";
import { useTranslations } from "next-intl";

const inputClass = "w-full rounded border border-slate-300 bg-white px-3 py-2";
const labelClass = "mb-1 block text-sm font-medium";

/** UWG §7(2): consumer or business contact (the phone rule differs). */
export function PartyTypeSelect({
  defaultValue,
  value,
  onChange,
}: {
  defaultValue?: PartyType;
  value?: PartyType;
  onChange?: (value: PartyType) => void;
}) {
  const t = useTranslations();
  return (
    <label>
      <span className={labelClass}>{t("contactLaw.partyType")}</span>
      <select
        name="partyType"
        defaultValue={defaultValue}
        value={value}
        onChange={onChange && ((event) => onChange(event.target.value as PartyType))}
        aria-describedby="party-type-hint"
        className={inputClass}
      >
        <option value="consumer">{t("contactLaw.partyTypeOptions.consumer")}</option>
        <option value="business">{t("contactLaw.partyTypeOptions.business")}</option>
      </select>
      <span id="party-type-hint" className="mt-1 block text-xs text-slate-600">
        {t("contactLaw.partyTypeHint")}
      </span>
    </label>
  );
}
