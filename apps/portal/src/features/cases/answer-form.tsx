"use client";

import { answerNeedsRemedies, type Language, type RequestOutcome, requestOutcomes } from "@purposeful/domain";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass, primaryClass } from "./case-format";
import { LanguageSelect } from "./case-ui";

/**
 * Art. 12(3), (4): the answer that confirms to the requester what was done — or, where the request
 * is not (fully) met, the reasons; the mail then names the remedies (Art. 77, 79) and the authority.
 */
export function AnswerForm({
  busy,
  defaultLanguage,
  onSend,
}: {
  busy: boolean;
  defaultLanguage: Language;
  onSend: (input: { outcome: RequestOutcome; message: string; language: Language }) => void;
}) {
  const t = useTranslations("case.answer");
  const [outcome, setOutcome] = useState<RequestOutcome>("fulfilled");
  const [message, setMessage] = useState("");
  const [language, setLanguage] = useState<Language>(defaultLanguage);
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSend({ outcome, message, language });
      }}
    >
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t("outcome")}</legend>
        {requestOutcomes.map((value) => (
          <label key={value} className="flex items-center gap-1">
            <input
              type="radio"
              name="outcome"
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            {t(`outcomes.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        {answerNeedsRemedies(outcome) ? t("reasons") : t("message")}
        <textarea
          rows={3}
          className={inputClass}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </label>
      {answerNeedsRemedies(outcome) && <p className="text-xs text-slate-600">{t("remediesHint")}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <LanguageSelect label={t("language")} value={language} onChange={setLanguage} />
        <button type="submit" className={primaryClass} disabled={busy}>
          {t("send")}
        </button>
      </div>
    </form>
  );
}
