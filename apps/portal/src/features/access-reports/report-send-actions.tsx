"use client";

import type { ReportDelivery } from "@purposeful/domain";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

const button =
  "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";
const warned =
  "rounded bg-amber-800 px-3 py-1 text-sm text-white hover:bg-amber-900 disabled:cursor-not-allowed disabled:opacity-60";

/**
 * The DPO's ways to send a generated report: the download link (the default, confirmed in a dialog),
 * and the PDF as an e-mail attachment, the warned option of issue 10 #4: it opens the warning inline
 * and goes only after the DPO ticked that they read it.
 */
export function ReportSendActions({
  sent,
  pending,
  withDocuments,
  onSend,
}: {
  sent: boolean;
  pending: boolean;
  /** the report comes with documents: too much for a mail, it goes by link only */
  withDocuments: boolean;
  onSend: (delivery: ReportDelivery) => void;
}) {
  const t = useTranslations("accessReport");
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const titleId = useId();
  const close = () => {
    setConfirming(false);
    setUnderstood(false);
  };

  return (
    <>
      <button
        type="button"
        className={button}
        disabled={pending}
        onClick={() => {
          if (window.confirm(t("sendConfirm"))) onSend("link");
        }}
      >
        {sent ? t("sendAgain") : t("send")}
      </button>
      {withDocuments ? (
        <span className="text-sm text-slate-600">{t("linkOnlyWithDocuments")}</span>
      ) : (
        <button
          type="button"
          className={button}
          disabled={pending || confirming}
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          {t("sendAttached")}
        </button>
      )}
      {confirming && (
        <section
          aria-labelledby={titleId}
          className="basis-full rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="attachment-warning"
        >
          <h3 id={titleId} className="font-semibold">
            {t("attachTitle")}
          </h3>
          <p className="mt-1">{t("attachWarning")}</p>
          <label className="mt-2 flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={understood}
              onChange={(event) => setUnderstood(event.target.checked)}
            />
            <span>{t("attachUnderstood")}</span>
          </label>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              className={warned}
              disabled={!understood || pending}
              onClick={() => {
                onSend("attachment");
                close();
              }}
            >
              {t("attachConfirm")}
            </button>
            <button type="button" className={button} onClick={close}>
              {t("cancel")}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
