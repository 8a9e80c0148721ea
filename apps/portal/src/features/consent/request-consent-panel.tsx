"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "../../trpc/react";

/** Ask a person for consent by e-mail: choose purposes, see the mail, send it through the outbox. */
export function RequestConsentPanel({ personId }: { personId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.consentRequests.options.queryOptions({ personId }));
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  useEffect(() => {
    if (options.data && selected === null)
      setSelected(new Set(options.data.purposes.filter((p) => p.preselected).map((p) => p.id)));
  }, [options.data, selected]);
  const purposeIds = [...(selected ?? [])];
  const preview = useQuery({
    ...trpc.consentRequests.preview.queryOptions({ personId, purposeIds }),
    enabled: previewing && purposeIds.length > 0,
  });
  const send = useMutation(
    trpc.consentRequests.send.mutationOptions({
      onSuccess: async (result) => {
        setSent(t("requestConsent.sent", { purposes: result.purposes.join(", ") }));
        setPreviewing(false);
        await queryClient.invalidateQueries({
          queryKey: trpc.consentRequests.options.queryKey({ personId }),
        });
        await queryClient.invalidateQueries({ queryKey: trpc.records.options.queryKey({ personId }) });
        router.refresh();
      },
    }),
  );

  const revoke = useMutation(
    trpc.consentRequests.revokeLinks.mutationOptions({
      onSuccess: (result) => setSent(t("requestConsent.revoked", { count: result.revoked })),
    }),
  );

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  if (!options.data) return null;
  return (
    <section
      aria-labelledby="request-consent"
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="request-consent"
    >
      <h2 id="request-consent" className="mb-3 text-lg font-semibold">
        {t("requestConsent.title")}
      </h2>
      {!options.data.hasEmail ? (
        <p className="text-sm text-slate-700">{t("requestConsent.noEmail")}</p>
      ) : !options.data.mail.admissible ? (
        <p className="text-sm text-amber-900" data-testid="request-not-admissible">
          {t("requestConsent.notAdmissible", { reason: t(`reasons.${options.data.mail.reason}`) })}
        </p>
      ) : (
        <>
          <fieldset className="mb-3">
            <legend className="mb-1 text-sm font-medium">{t("requestConsent.purposes")}</legend>
            <ul className="space-y-1">
              {options.data.purposes.map((purpose) => (
                <li key={purpose.id}>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={selected?.has(purpose.id) ?? false}
                      onChange={() => toggle(purpose.id)}
                      className="h-4 w-4"
                    />
                    {purpose.name ?? purpose.key}
                    <span className="text-slate-600">
                      {purpose.valid
                        ? t("requestConsent.alreadyValid")
                        : purpose.state && !purpose.refusal
                          ? `(${t(`states.${purpose.state}`)})`
                          : ""}
                    </span>
                  </label>
                  {purpose.refusal && (
                    <p className="ml-6 text-xs text-amber-900" data-testid="refusal">
                      {t("requestConsent.refusal", {
                        state: t(`states.${purpose.refusal.state}`),
                        date: format.dateTime(purpose.refusal.at, { dateStyle: "medium" }),
                        source: t(`sources.${purpose.refusal.source}`),
                      })}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={purposeIds.length === 0}
              onClick={() => setPreviewing(true)}
              className="rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-50"
            >
              {t("requestConsent.preview")}
            </button>
            <button
              type="button"
              disabled={purposeIds.length === 0 || send.isPending}
              onClick={() =>
                send.mutate({
                  personId,
                  purposeIds,
                  // Asking again after a no is explicit: only refused purposes the user ticked.
                  askAgainAfterRefusal: options.data.purposes
                    .filter((p) => p.refusal && selected?.has(p.id))
                    .map((p) => p.id),
                })
              }
              className="rounded bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
            >
              {send.isPending ? t("requestConsent.sending") : t("requestConsent.send")}
            </button>
          </div>
          <div aria-live="polite" className="mt-2 text-sm">
            {(send.error ?? preview.error ?? revoke.error) && (
              <p className="rounded bg-red-50 px-3 py-2 text-red-800">
                {(send.error ?? preview.error ?? revoke.error)?.message}
              </p>
            )}
            {sent && <p className="rounded bg-green-50 px-3 py-2 text-green-900">{sent}</p>}
          </div>
          {previewing && preview.data && (
            <div className="mt-3 space-y-2" data-testid="consent-request-preview">
              <p className="text-sm">
                <span className="font-medium">{t("requestConsent.to")}</span> {preview.data.to} ·{" "}
                <span className="font-medium">{t("requestConsent.subject")}</span> {preview.data.subject}
              </p>
              <iframe
                title={t("requestConsent.previewTitle")}
                sandbox=""
                srcDoc={preview.data.html}
                className="h-96 w-full rounded border border-slate-200"
              />
            </div>
          )}
        </>
      )}
      {options.data.openRequests.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">{t("requestConsent.open")}</h3>
          <ul className="text-sm text-slate-700">
            {options.data.openRequests.map((request) => (
              <li key={request.id}>
                {format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                {t(`requestConsent.status.${request.status}`)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate({ personId })}
            className="mt-2 rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            {t("requestConsent.revoke")}
          </button>
        </div>
      )}
    </section>
  );
}
