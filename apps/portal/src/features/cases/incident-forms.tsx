"use client";

import { riskLevels } from "@purposeful/domain";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass, localDateTimeInput, primaryClass } from "./case-format";

type Risk = (typeof riskLevels)[number];

/** Art. 33(1), 34(1): the risk to the persons' rights and freedoms, with reasons. */
export function AssessRiskForm({
  busy,
  onAssess,
}: {
  busy: boolean;
  onAssess: (input: { risk: Risk; reasons: string; consequences: string; measures: string }) => void;
}) {
  const t = useTranslations("incidents");
  const [risk, setRisk] = useState<Risk>("risk");
  const [reasons, setReasons] = useState("");
  const [consequences, setConsequences] = useState("");
  const [measures, setMeasures] = useState("");
  const area = (label: string, value: string, set: (value: string) => void) => (
    <label className="block text-sm">
      {label}
      <textarea rows={2} className={inputClass} value={value} onChange={(e) => set(e.target.value)} />
    </label>
  );
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        onAssess({ risk, reasons, consequences, measures });
      }}
    >
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t("columns.risk")}</legend>
        {riskLevels.map((level) => (
          <label key={level} className="flex items-center gap-1">
            <input type="radio" name="risk" checked={risk === level} onChange={() => setRisk(level)} />
            {t(`risk.${level}`)}
          </label>
        ))}
      </fieldset>
      {area(t("reasons"), reasons, setReasons)}
      {area(t("consequences"), consequences, setConsequences)}
      {area(t("measures"), measures, setMeasures)}
      <button type="submit" className={primaryClass} disabled={busy}>
        {t("saveAssessment")}
      </button>
    </form>
  );
}

/** Art. 33(1): when the authority was notified; after 72 hours with the reasons for the delay. */
export function NotifyAuthorityForm({
  deadline,
  busy,
  onNotified,
}: {
  deadline: Date;
  busy: boolean;
  onNotified: (input: { notifiedAt: Date; delayReason: string | null }) => void;
}) {
  const t = useTranslations("incidents");
  const tc = useTranslations("case");
  const [notifiedAt, setNotifiedAt] = useState(() => localDateTimeInput(new Date()));
  const [delayReason, setDelayReason] = useState("");
  // The form only shows the field; whether the reasons are required is the server's (the domain's) call.
  const late = notifiedAt !== "" && new Date(notifiedAt).getTime() > new Date(deadline).getTime();
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        onNotified({ notifiedAt: new Date(notifiedAt), delayReason: late ? delayReason : null });
      }}
    >
      <label className="block text-sm">
        {t("notifiedAt")}
        <input
          type="datetime-local"
          required
          className={`${inputClass} max-w-xs`}
          value={notifiedAt}
          onChange={(e) => setNotifiedAt(e.target.value)}
        />
      </label>
      {late && (
        <label className="block text-sm">
          {t("delayReason")}
          <textarea
            rows={2}
            className={inputClass}
            value={delayReason}
            onChange={(e) => setDelayReason(e.target.value)}
          />
        </label>
      )}
      <button type="submit" className={primaryClass} disabled={busy}>
        {tc("complete")}
      </button>
    </form>
  );
}
