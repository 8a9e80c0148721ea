"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

export interface UploadedEvidence {
  id: string;
  kind: "email" | "evidence";
  fileName: string;
  metadata: { email?: { from: string | null; date: string | null; subject: string | null; text: string } };
}

/** Uploads the file at once (it is stored and audited); a checked-in e-mail is shown as parsed. */
export function EvidenceUpload(props: {
  personId: string;
  value: UploadedEvidence | null;
  onChange: (value: UploadedEvidence | null) => void;
}) {
  const t = useTranslations("consent");
  const format = useFormatter();
  const [state, setState] = useState<"idle" | "uploading" | { error: string }>("idle");

  async function upload(file: File | undefined) {
    props.onChange(null);
    if (!file) return;
    setState("uploading");
    const body = new FormData();
    body.set("file", file);
    body.set("personId", props.personId);
    const response = await fetch("/api/documents", { method: "POST", body });
    const json = (await response.json()) as UploadedEvidence | { error: string };
    if (!response.ok || "error" in json) {
      setState({ error: "error" in json ? json.error : response.statusText });
      return;
    }
    setState("idle");
    props.onChange(json);
  }

  const email = props.value?.metadata.email;
  return (
    <div className="space-y-2">
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("evidenceFile")}</span>
        <input
          type="file"
          name="evidence"
          onChange={(event) => upload(event.target.files?.[0])}
          className="block w-full text-sm"
        />
      </label>
      <div aria-live="polite">
        {state === "uploading" && <p className="text-sm text-slate-600">{t("uploading")}</p>}
        {typeof state === "object" && (
          <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{state.error}</p>
        )}
        {props.value && (
          <p className="text-sm text-green-900">{t("uploaded", { fileName: props.value.fileName })}</p>
        )}
      </div>
      {email && (
        <dl
          data-testid="checked-in-email"
          className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded border border-slate-200 bg-slate-50 p-3 text-sm"
        >
          <dt className="font-medium">{t("emailFrom")}</dt>
          <dd>{email.from ?? "—"}</dd>
          <dt className="font-medium">{t("emailDate")}</dt>
          <dd>
            {email.date
              ? format.dateTime(new Date(email.date), { dateStyle: "medium", timeStyle: "short" })
              : "—"}
          </dd>
          <dt className="font-medium">{t("emailSubject")}</dt>
          <dd>{email.subject ?? "—"}</dd>
          <dt className="font-medium">{t("emailText")}</dt>
          <dd className="max-h-40 overflow-y-auto whitespace-pre-wrap">{email.text}</dd>
        </dl>
      )}
    </div>
  );
}
