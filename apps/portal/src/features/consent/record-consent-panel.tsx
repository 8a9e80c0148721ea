"use client";

import {
  calendarDateAt,
  formatCalendarDate,
  type LegalBasis,
  type RecordEvent,
  type StaffRecordSource,
  staffRecordSources,
} from "@purposeful/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { EvidenceUpload, type UploadedEvidence } from "./evidence-upload";

const consentEvents: RecordEvent[] = ["grant"];
const today = () => formatCalendarDate(calendarDateAt(new Date()));

/** The version live on a day: the newest whose first text was published by the end of that day. */
function versionLiveOn(versions: { version: number; liveFrom: Date }[], day: string): number | null {
  const end = new Date(`${day}T23:59:59`);
  const live = versions.filter((v) => new Date(v.liveFrom).getTime() <= end.getTime());
  return live.length > 0 ? live[live.length - 1]!.version : null;
}

export function RecordConsentPanel({ personId, minor = false }: { personId: string; minor?: boolean }) {
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
  const [givenOn, setGivenOn] = useState(today());
  const [version, setVersion] = useState<number | "">("");
  const [basis, setBasis] = useState<LegalBasis | "">("");
  const apply = useMutation(trpc.records.change.mutationOptions());

  const purpose = options.data?.find((option) => option.id === purposeId);
  const events = purpose?.events ?? [];
  const basesForEvent = (purpose?.available ?? []).filter((a) => a.event === event).map((a) => a.legalBasis);
  const liveVersion = purpose ? versionLiveOn(purpose.versions, givenOn) : null;
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
      source: form.get("source") as StaffRecordSource,
      legalBasis: basis || basesForEvent[0],
      ...(event === "grant" ? { givenOn, purposeVersion: version || undefined } : {}),
      parentalConsentHolder: ((form.get("parentalConsentHolder") as string) ?? "").trim() || undefined,
      validUntil: (form.get("validUntil") as string) || undefined,
      note: (form.get("note") as string) || undefined,
      evidenceDocumentId: evidence?.id,
      evidenceDescription: description.trim() || undefined,
      // UWG §7(3) no. 4: only a tick is sent; leaving it empty keeps what the record says.
      toldRightToObject: form.get("toldRightToObject") === "on" ? true : undefined,
    });
    setDone(
      `${t("consent.saved", { purpose: purpose.name ?? purpose.key, state: t(`states.${result.state}`) })}${result.needsConfirmation ? ` ${t("consent.needsConfirmation")}` : ""}`,
    );
    setEvent("");
    setVersion("");
    setBasis("");
    setGivenOn(today());
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
            onChange={(e) => {
              setEvent(e.target.value as RecordEvent);
              setBasis("");
            }}
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
            {staffRecordSources.map((source) => (
              <option key={source} value={source}>
                {t(`sources.${source}`)}
              </option>
            ))}
          </select>
        </label>
        {basesForEvent.length > 1 && (
          <label>
            <span className="mb-1 block text-sm font-medium">{t("consent.basis")}</span>
            <select
              value={basis || basesForEvent[0]}
              onChange={(e) => setBasis(e.target.value as LegalBasis)}
              className={input}
            >
              {basesForEvent.map((option) => (
                <option key={option} value={option}>
                  {t(`legalBases.${option}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {event === "grant" && purpose && (
          <>
            <label>
              <span className="mb-1 block text-sm font-medium">{t("consent.givenOn")}</span>
              <input
                type="date"
                name="givenOn"
                required
                max={today()}
                value={givenOn}
                onChange={(e) => {
                  setGivenOn(e.target.value);
                  setVersion("");
                }}
                className={input}
              />
            </label>
            <label>
              <span className="mb-1 block text-sm font-medium">{t("consent.version")}</span>
              <select
                name="purposeVersion"
                value={version || liveVersion || ""}
                onChange={(e) => setVersion(Number(e.target.value))}
                className={input}
              >
                {liveVersion === null && <option value="">{t("consent.noVersionLive")}</option>}
                {purpose.versions
                  .filter((v) => liveVersion !== null && v.version <= liveVersion)
                  .map((v) => (
                    <option key={v.version} value={v.version}>
                      {t("consent.versionOption", {
                        version: v.version,
                        date: formatCalendarDate(calendarDateAt(new Date(v.liveFrom))),
                      })}
                    </option>
                  ))}
              </select>
            </label>
          </>
        )}
        <label>
          <span className="mb-1 block text-sm font-medium">{t("consent.validUntil")}</span>
          <input type="date" name="validUntil" className={input} />
        </label>
        <label className="flex items-start gap-2 md:col-span-2">
          <input type="checkbox" name="toldRightToObject" className="mt-1 h-4 w-4" />
          <span>
            <span className="block text-sm font-medium">{t("contactLaw.toldRightToObject")}</span>
            <span className="block text-xs text-slate-600">{t("contactLaw.toldRightToObjectHint")}</span>
          </span>
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
          {minor && event === "grant" && (
            <label className="block">
              <span className="mb-1 block text-sm font-medium">{t("consent.parentalConsentHolder")}</span>
              <input name="parentalConsentHolder" className={input} />
              <span className="mt-1 block text-xs text-slate-600">{t("consent.parentalConsentHint")}</span>
            </label>
          )}
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
