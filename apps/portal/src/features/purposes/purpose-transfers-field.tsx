"use client";

import {
  type ThirdCountryTransfer,
  type TransferSafeguard,
  transferSafeguardArticle,
  transferSafeguards,
} from "@purposeful/domain";
import { useTranslations } from "next-intl";
import { useState } from "react";

const inputClass = "w-full rounded border border-slate-300 px-3 py-2";
const buttonClass = "rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50";

/**
 * Reads the transfer rows back from the submitted form (the three inputs of a row share its
 * position); a row left completely empty is dropped, anything else goes to the server, which
 * refuses a country inside the EEA or a missing recipient with its own message.
 */
export function readTransfers(form: FormData): ThirdCountryTransfer[] {
  const countries = form.getAll("transfer.country").map(String);
  const recipients = form.getAll("transfer.recipient").map(String);
  const safeguards = form.getAll("transfer.safeguard").map(String);
  return countries
    .map((country, i) => ({
      country: country.trim().toUpperCase(),
      recipient: (recipients[i] ?? "").trim(),
      safeguard: safeguards[i] as TransferSafeguard,
    }))
    .filter((transfer) => transfer.country !== "" || transfer.recipient !== "");
}

interface Row extends ThirdCountryTransfer {
  /** a stable React key: rows are added and removed in any order */
  rowId: number;
}

/** Third-country transfers (Art. 30(1)(e), 44–49): one row per country and recipient, with its ground. */
export function TransfersField({ initial }: { initial: ThirdCountryTransfer[] }) {
  const t = useTranslations();
  const [rows, setRows] = useState<Row[]>(() => initial.map((transfer, rowId) => ({ ...transfer, rowId })));
  const [nextId, setNextId] = useState(initial.length);
  const add = () => {
    setRows((current) => [
      ...current,
      { rowId: nextId, country: "", recipient: "", safeguard: "standard_contractual_clauses" },
    ]);
    setNextId((id) => id + 1);
  };
  const remove = (rowId: number) => setRows((current) => current.filter((row) => row.rowId !== rowId));

  return (
    <fieldset className="md:col-span-2" aria-describedby="purpose-transfers-hint">
      <legend className="mb-1 block text-sm font-medium">{t("purposeScope.transfers.title")}</legend>
      <p id="purpose-transfers-hint" className="mb-2 text-xs text-slate-600">
        {t("purposeScope.transfers.hint")}
      </p>
      {rows.length === 0 && <p className="mb-2 text-sm text-slate-600">{t("purposeScope.transfers.none")}</p>}
      <ul className="space-y-2">
        {rows.map((row, index) => {
          const id = `purpose-transfer-${row.rowId}`;
          const number = index + 1;
          return (
            <li
              key={row.rowId}
              className="grid items-end gap-2 rounded border border-slate-200 p-2 md:grid-cols-[8rem_1fr_1fr_auto]"
            >
              <div>
                <label htmlFor={`${id}-country`} className="mb-1 block text-xs font-medium">
                  {t("purposeScope.transfers.country")}
                </label>
                <input
                  id={`${id}-country`}
                  name="transfer.country"
                  defaultValue={row.country}
                  required
                  maxLength={2}
                  pattern="[A-Za-z]{2}"
                  placeholder="US"
                  title={t("purposeScope.transfers.countryHint")}
                  className={`${inputClass} font-mono uppercase`}
                />
              </div>
              <div>
                <label htmlFor={`${id}-recipient`} className="mb-1 block text-xs font-medium">
                  {t("purposeScope.transfers.recipient")}
                </label>
                <input
                  id={`${id}-recipient`}
                  name="transfer.recipient"
                  defaultValue={row.recipient}
                  required
                  maxLength={200}
                  className={inputClass}
                />
              </div>
              <div>
                <label htmlFor={`${id}-safeguard`} className="mb-1 block text-xs font-medium">
                  {t("purposeScope.transfers.safeguard")}
                </label>
                <select
                  id={`${id}-safeguard`}
                  name="transfer.safeguard"
                  defaultValue={row.safeguard}
                  className={inputClass}
                >
                  {transferSafeguards.map((safeguard) => (
                    <option key={safeguard} value={safeguard}>
                      {t("purposeScope.transfers.safeguardWithArticle", {
                        safeguard: t(`transferSafeguards.${safeguard}`),
                        article: transferSafeguardArticle[safeguard],
                      })}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                onClick={() => remove(row.rowId)}
                aria-label={t("purposeScope.transfers.removeNumbered", { number })}
                className={buttonClass}
              >
                {t("purposeScope.transfers.remove")}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={add} className={`${buttonClass} mt-2`}>
        {t("purposeScope.transfers.add")}
      </button>
    </fieldset>
  );
}
