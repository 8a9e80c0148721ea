"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { RetentionClassFields } from "./retention-class";

/**
 * Uploads a document for the person (e.g. a business letter or an invoice) with its retention class
 * and date (HGB §257, AO §147), through the same route as consent evidence.
 */
export function UploadDocument({ personId }: { personId: string }) {
  const t = useTranslations("retentionClass");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<"idle" | "uploading" | { error: string }>("idle");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    body.set("personId", personId);
    body.set("kind", "upload");
    setState("uploading");
    const response = await fetch("/api/documents", { method: "POST", body });
    const json = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) {
      setState({ error: json.error ?? response.statusText });
      return;
    }
    setState("idle");
    setOpen(false);
    router.refresh();
  }

  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="mt-4 min-h-11 rounded border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
      >
        {t("uploadDocument")}
      </button>
    );
  return (
    <form onSubmit={submit} className="mt-4 grid gap-3 rounded border border-slate-200 p-3 md:grid-cols-3">
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("file")}</span>
        <input type="file" name="file" required className="block w-full text-sm" />
      </label>
      <RetentionClassFields defaultClass={null} defaultDate={null} />
      <div className="flex flex-wrap items-center gap-3 md:col-span-3">
        <button
          type="submit"
          disabled={state === "uploading"}
          className="min-h-11 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {state === "uploading" ? t("saving") : t("upload")}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="min-h-11 rounded border border-slate-300 px-4 py-2"
        >
          {t("cancel")}
        </button>
        <span aria-live="polite" className="text-sm">
          {typeof state === "object" && (
            <span className="block rounded bg-red-50 px-2 py-1 text-red-800">{state.error}</span>
          )}
        </span>
      </div>
    </form>
  );
}
