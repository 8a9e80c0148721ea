"use client";

import { identityMethods, type Language } from "@purposeful/domain";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass, primaryClass } from "./case-format";
import { LanguageSelect } from "./case-ui";

type Method = (typeof identityMethods)[number];

/** Art. 12(6): how the requester's identity was verified; the disclosure steps wait for it. */
export function IdentityForm({
  busy,
  onVerify,
}: {
  busy: boolean;
  onVerify: (input: { method: Method; note: string | null }) => void;
}) {
  const t = useTranslations("case");
  const tm = useTranslations("identityMethods");
  const [method, setMethod] = useState<Method>("id_document");
  const [note, setNote] = useState("");
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        onVerify({ method, note: note.trim() || null });
      }}
    >
      <p className="text-sm text-slate-700">{t("identityHint")}</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          {t("method")}
          <select
            className={inputClass}
            value={method}
            onChange={(event) => setMethod(event.target.value as Method)}
          >
            {identityMethods.map((value) => (
              <option key={value} value={value}>
                {tm(value)}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-64 flex-1 text-sm">
          {t("note")}
          <input className={inputClass} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <button type="submit" className={primaryClass} disabled={busy}>
          {t("verify")}
        </button>
      </div>
    </form>
  );
}

/** Art. 12(3): the DPO extends the deadline once by two months, with the reason the person is told. */
export function ExtendForm({ busy, onExtend }: { busy: boolean; onExtend: (reason: string) => void }) {
  const t = useTranslations("case");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!open)
    return (
      <button type="button" className="text-sm text-blue-800 hover:underline" onClick={() => setOpen(true)}>
        {t("extend")}
      </button>
    );
  return (
    <form
      className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        onExtend(reason);
      }}
    >
      <p className="text-sm text-slate-700">{t("extendHint")}</p>
      <label className="block text-sm">
        {t("extendReason")}
        <textarea
          rows={2}
          className={inputClass}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <button type="submit" className={primaryClass} disabled={busy}>
        {t("confirmExtend")}
      </button>
    </form>
  );
}

/**
 * Art. 12(3) sentence 3: the requester is told of the extension, with its reasons, within the first
 * month; the notice goes through the outbox in the language chosen here.
 */
export function ExtensionNotice({
  busy,
  defaultLanguage,
  hasAddress,
  onSend,
}: {
  busy: boolean;
  defaultLanguage: Language;
  hasAddress: boolean;
  onSend: (language: Language) => void;
}) {
  const t = useTranslations("case");
  const [language, setLanguage] = useState<Language>(defaultLanguage);
  if (!hasAddress) return <p className="text-sm text-slate-700">{t("noticeNoAddress")}</p>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <LanguageSelect label={t("noticeLanguage")} value={language} onChange={setLanguage} />
      <button type="button" className={primaryClass} disabled={busy} onClick={() => onSend(language)}>
        {t("sendNotice")}
      </button>
    </div>
  );
}
