"use client";

import { controllerTimeZone, type Language } from "@purposeful/domain";
import { type UseQueryResult, useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { type AbstractIntlMessages, NextIntlClientProvider, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type SignaturePad from "signature_pad";
import type { AppRouter } from "../../server/root";
import { useTRPC } from "../../trpc/react";
import type { CreatedPerson } from "../persons/create-person-form";
import { SignatureCanvas } from "./signature-canvas";

export type VisitorMessages = Record<Language, AbstractIntlMessages>;

const languageNames: Record<Language, string> = { de: "Deutsch", en: "English" };

/**
 * Steps two to four, shown to the visitor in their language: the purposes, each with its full
 * current text and its own unticked checkbox (Art. 7(2) GDPR), the signature, and the result.
 */
export function ConsentStep({
  person,
  fallbackLanguage,
  messages,
  onOtherPerson,
  onNext,
}: {
  person: CreatedPerson;
  fallbackLanguage: Language;
  messages: VisitorMessages;
  onOtherPerson: () => void;
  onNext: () => void;
}) {
  const trpc = useTRPC();
  const purposes = useQuery(trpc.signature.purposes.queryOptions({ personId: person.id }));
  const [chosen, setChosen] = useState<Language | null>(null);
  const language = chosen ?? purposes.data?.preferredLanguage ?? fallbackLanguage;
  return (
    <NextIntlClientProvider locale={language} messages={messages[language]} timeZone={controllerTimeZone}>
      <ConsentForm
        person={person}
        language={language}
        onLanguage={setChosen}
        purposes={purposes}
        onOtherPerson={onOtherPerson}
        onNext={onNext}
      />
    </NextIntlClientProvider>
  );
}

type PurposesQuery = UseQueryResult<inferRouterOutputs<AppRouter>["signature"]["purposes"], unknown>;

function ConsentForm({
  person,
  language,
  onLanguage,
  purposes,
  onOtherPerson,
  onNext,
}: {
  person: CreatedPerson;
  language: Language;
  onLanguage: (language: Language) => void;
  purposes: PurposesQuery;
  onOtherPerson: () => void;
  onNext: () => void;
}) {
  const t = useTranslations("signature");
  const trpc = useTRPC();
  const padRef = useRef<SignaturePad | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [empty, setEmpty] = useState(true);
  const submit = useMutation(trpc.signature.submit.mutationOptions());
  const shown = (purposes.data?.purposes ?? []).filter((purpose) => purpose.texts[language]);
  const name = `${person.firstName} ${person.lastName}`;

  if (submit.data) {
    const names = (list: Array<{ name: string }>) => list.map((p) => p.name).join(", ");
    return (
      <section
        aria-labelledby="signature-done"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-6"
      >
        <h2 id="signature-done" role="status" className="text-2xl font-semibold text-green-800">
          {t("success")}
        </h2>
        <p className="text-lg">{t("recorded", { purposes: names(submit.data.granted) })}</p>
        {submit.data.needsConfirmation.length > 0 && (
          <p
            data-testid="needs-confirmation"
            className="rounded bg-amber-50 px-4 py-3 text-lg text-amber-900"
          >
            {t("needsConfirmation", { purposes: names(submit.data.needsConfirmation) })}
          </p>
        )}
        <button
          type="button"
          onClick={onNext}
          className="min-h-11 rounded bg-blue-700 px-6 py-3 text-lg font-medium text-white hover:bg-blue-800"
        >
          {t("nextPerson")}
        </button>
      </section>
    );
  }

  async function confirm() {
    const pad = padRef.current;
    if (!pad || pad.isEmpty() || ticked.size === 0) return;
    const chosen = shown.filter((purpose) => ticked.has(purpose.id));
    try {
      await submit.mutateAsync({
        personId: person.id,
        language,
        purposes: chosen.map((purpose) => ({ purposeId: purpose.id, version: purpose.version })),
        signature: pad.toDataURL("image/png"),
      });
    } catch {
      // The message is shown below; changed texts are loaded again so the person sees them.
      await purposes.refetch();
    }
  }

  function toggle(id: string) {
    setTicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  const missing = ticked.size === 0 ? t("needPurpose") : empty ? t("needSignature") : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-xl font-semibold" data-testid="signing-for">
          {t("signingFor", { name })}
        </p>
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">{t("textLanguage")}</legend>
          {(["de", "en"] as const).map((option) => (
            <button
              key={option}
              type="button"
              lang={option}
              aria-pressed={language === option}
              onClick={() => onLanguage(option)}
              className="min-h-11 min-w-11 rounded border border-slate-300 px-4 py-2 aria-pressed:bg-blue-700 aria-pressed:text-white"
            >
              {languageNames[option]}
            </button>
          ))}
        </fieldset>
      </div>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t("purposesTitle")}</legend>
        <p className="text-sm text-slate-600">{t("purposesIntro")}</p>
        {purposes.isSuccess && shown.length === 0 && <p>{t("noPurposes")}</p>}
        {shown.map((purpose) => {
          const text = purpose.texts[language]!;
          return (
            <label
              key={purpose.id}
              data-testid="signature-purpose"
              className="flex min-h-11 cursor-pointer items-start gap-4 rounded border border-slate-200 p-3 hover:bg-slate-50"
            >
              <input
                type="checkbox"
                checked={ticked.has(purpose.id)}
                onChange={() => toggle(purpose.id)}
                className="mt-0.5 size-11 shrink-0 accent-blue-700"
              />
              <span className="space-y-1">
                <span className="block text-lg font-medium">{text.name}</span>
                <span className="block whitespace-pre-line">{text.description}</span>
                <span className="block text-xs text-slate-500">
                  {t("version", { version: purpose.version })}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>

      <section
        aria-labelledby="signature-title"
        className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="signature-title" className="text-lg font-semibold">
          {t("signTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("signHint")}</p>
        <SignatureCanvas padRef={padRef} onChange={setEmpty} />
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={confirm}
          disabled={submit.isPending || missing !== null}
          className="min-h-11 rounded bg-blue-700 px-6 py-3 text-lg font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {submit.isPending ? t("confirming") : t("confirm")}
        </button>
        <button
          type="button"
          onClick={onOtherPerson}
          className="min-h-11 rounded border border-slate-300 bg-white px-4 py-2"
        >
          {t("otherPerson")}
        </button>
        <div aria-live="polite" className="text-sm">
          {submit.error ? (
            <p className="rounded bg-red-50 px-3 py-2 text-red-800">{submit.error.message}</p>
          ) : (
            missing && <p className="text-slate-600">{missing}</p>
          )}
        </div>
      </div>
    </div>
  );
}
