"use client";

import { type RecordEvent, type RecordSource, recordSources } from "@purposeful/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { EvidenceUpload, type UploadedEvidence } from "./evidence-upload";

const consentEvents: RecordEvent[] = ["grant", "confirm"];

export function RecordConsentPanel({ personId }: { personId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.records.options.queryOptions({ personId }));
  const [purposeId, setPurposeId] = useState("");
  const [event, setEvent] = useState<RecordEvent | "">("");
  const [evidence, setEvidence] = useState<UploadedEvidence | null>(null);
  const [description, setDescription] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const apply = useMutation(trpc.records.change.mutationOptions());

  const purpose = options.data?.find((option) => option.id === purposeId);
  const events = purpose?.events ?? [];
  const withoutEvidence = consentEvents.includes(event as RecordEvent) && !evidence && !description.trim();

  async function submit(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    if (!purpose || !event) return;
    const form = new FormData(formEvent.currentTarget);
    setDone(null);
    const result = await apply.mutateAsync({
      personId,
      purposeId,
      event,
      source: form.get("source") as RecordSource,
      validUntil: (form.get("validUntil") as string) || undefined,
      note: (form.get("note") as string) || undefined,
      evidenceDocumentId: evidence?.id,
      evidenceDescription: description.trim() || undefined,
    });
    setDone(
      `${t("consent.saved", { purpose: purpose.name ?? purpose.key, state: t(`states.${result.state}`) })}${result.needsConfirmation ? ` ${t("consent.needsConfirmation")}` : ""}`,
    );
    setEvent("");
    setEvidence(null);
    setDescription("");
    formEvent.currentTarget?.reset();
    await queryClient.invalidateQueries({ queryKey: trpc.records.options.queryKey({ personId }) });
    router.refresh();
  }

  const input = "w-full rounded border border-slate-300 bg-white px-3 py-2";
  return (
    <section aria-labelledby="record-consent" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="record-consent" className="mb-3 text-lg font-semibold">
        {t("consent.title")}
      </h2>
      <form onSubmit={submit} className="grid gap-4 md:grid-cols-2">
        <label>
          <span className="mb-1 block text-sm font-medium">{t("consent.purpose")}</span>
          <select
            required
            value={purposeId}
            onChange={(e) => {
              setPurposeId(e.target.value);
              setEvent("");
            }}
            className={input}
          >
            <option value="">{t("consent.chooseEvent")}</option>
            {(options.data ?? []).map((option) => (
              <option key={option.id} value={option.id}>
                {option.name ?? option.key} · {t(`legalBases.${option.basis}`)}
                {option.state ? ` · ${t(`states.${option.state}`)}` : ""}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="mb-1 block text-sm font-medium">{t("consent.event")}</span>
          <select
            required
            value={event}
            disabled={!purpose}
            onChange={(e) => setEvent(e.target.value as RecordEvent)}
            className={input}
          >
            <option value="">{t("consent.chooseEvent")}</option>
            {events.map((option) => (
              <option key={option} value={option}>
                {t(`consent.events.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="mb-1 block text-sm font-medium">{t("consent.source")}</span>
          <select name="source" defaultValue="phone" className={input}>
            {recordSources
              .filter((s) => s !== "microsite" && s !== "api")
              .map((source) => (
                <option key={source} value={source}>
                  {t(`sources.${source}`)}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span className="mb-1 block text-sm font-medium">{t("consent.validUntil")}</span>
          <input type="date" name="validUntil" className={input} />
        </label>
        <fieldset className="space-y-3 md:col-span-2">
          <legend className="text-sm font-semibold">{t("consent.evidence")}</legend>
          <EvidenceUpload personId={personId} value={evidence} onChange={setEvidence} />
          <label className="block">
            <span className="mb-1 block text-sm font-medium">{t("consent.evidenceDescription")}</span>
            <textarea
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              rows={2}
              className={input}
            />
          </label>
          {withoutEvidence && (
            <p
              role="note"
              data-testid="evidence-warning"
              className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              ⚠ {t("consent.noEvidenceWarning")}
            </p>
          )}
        </fieldset>
        <label className="md:col-span-2">
          <span className="mb-1 block text-sm font-medium">{t("consent.note")}</span>
          <input name="note" className={input} />
        </label>
        <div className="flex items-center gap-4 md:col-span-2">
          <button
            type="submit"
            disabled={apply.isPending || !event}
            className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
          >
            {apply.isPending ? t("consent.saving") : t("consent.save")}
          </button>
          <div aria-live="polite" className="text-sm">
            {apply.error && <p className="rounded bg-red-50 px-3 py-2 text-red-800">{apply.error.message}</p>}
            {done && <p className="rounded bg-green-50 px-3 py-2 text-green-900">{done}</p>}
          </div>
        </div>
      </form>
    </section>
  );
}
