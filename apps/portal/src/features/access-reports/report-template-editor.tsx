"use client";

import {
  type ActivityKind,
  activityKinds,
  type DocumentKind,
  documentKinds,
  languages,
  type ReportSection,
  reportSectionArticle,
  reportSections,
  requiredReportSections,
} from "@purposeful/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { AccessReportPreview, useReportTexts } from "./access-report-preview";

const input = "w-full rounded border border-slate-300 bg-white px-3 py-2";
const primary = "rounded bg-slate-900 px-3 py-2 text-sm text-white hover:bg-slate-700 disabled:opacity-60";
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Draft {
  id: string | null;
  name: string;
  sections: ReportSection[];
  internalActivityKinds: ActivityKind[];
  internalDocumentKinds: DocumentKind[];
  attachDocuments: boolean;
  intro: { de?: string; en?: string };
  outro: { de?: string; en?: string };
  letterhead: string;
}

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...new Set([...list, item])] : list.filter((x) => x !== item);

/**
 * Issue 10 #3: the DPO edits the report templates: sections (those Art. 15(1) requires stay checked
 * and cannot be unchecked), internal activity and document kinds (Art. 15(4)), intro and closing
 * text per language, letterhead; beside it the report of a chosen person as the draft would make it.
 */
export function ReportTemplateEditor() {
  const t = useTranslations("accessReport.templates");
  const ta = useTranslations("activityKinds");
  const td = useTranslations("accessReport.documentKinds");
  const tl = useTranslations("languages");
  const trpc = useTRPC();
  const texts = useReportTexts();
  const templates = useQuery(trpc.accessReports.templates.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [personId, setPersonId] = useState("");
  const save = useMutation(
    trpc.accessReports.saveTemplate.mutationOptions({
      onSuccess: (id) => {
        setDraft((d) => (d ? { ...d, id } : d));
        void templates.refetch();
      },
    }),
  );
  useEffect(() => {
    if (draft === null && templates.data?.[0]) setDraft({ ...templates.data[0] });
  }, [draft, templates.data]);
  const { id: _id, name: _name, ...settings } = draft ?? ({} as Draft);
  const preview = useQuery({
    ...trpc.accessReports.preview.queryOptions({ personId, draft: settings as Omit<Draft, "id" | "name"> }),
    enabled: draft !== null && uuid.test(personId),
  });
  if (!draft) return null;
  const set = (patch: Partial<Draft>) => {
    save.reset();
    setDraft({ ...draft, ...patch });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(draft);
        }}
      >
        <div className="flex flex-wrap gap-2">
          {(templates.data ?? []).map((template) => (
            <button
              key={template.id}
              type="button"
              onClick={() => setDraft({ ...template })}
              className={`rounded border px-2 py-1 text-sm ${template.id === draft.id ? "border-slate-900 bg-slate-100" : "border-slate-300"}`}
            >
              {template.name}
              {template.isDefault ? ` (${t("default")})` : ""}
            </button>
          ))}
          <button
            type="button"
            className="rounded border border-dashed border-slate-400 px-2 py-1 text-sm"
            onClick={() => set({ id: null, name: "" })}
          >
            {t("new")}
          </button>
        </div>
        <label className="block text-sm">
          {t("name")}
          <input
            className={input}
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            required
          />
        </label>
        <fieldset>
          <legend className="text-sm font-semibold">{t("sections")}</legend>
          {reportSections.map((section) => {
            const required = requiredReportSections.includes(section);
            return (
              <label key={section} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={required || draft.sections.includes(section)}
                  disabled={required}
                  onChange={(e) => set({ sections: toggle(draft.sections, section, e.target.checked) })}
                />
                {texts?.sections[section] ?? section}
                <span className="text-xs text-slate-500">
                  {reportSectionArticle[section]}
                  {required ? ` · ${t("required")}` : ""}
                </span>
              </label>
            );
          })}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold">{t("internalActivities")}</legend>
          <div className="flex flex-wrap gap-3">
            {activityKinds.map((kind) => (
              <label key={kind} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={draft.internalActivityKinds.includes(kind)}
                  onChange={(e) =>
                    set({
                      internalActivityKinds: toggle(draft.internalActivityKinds, kind, e.target.checked),
                    })
                  }
                />
                {ta(kind)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold">{t("internalDocuments")}</legend>
          <div className="flex flex-wrap gap-3">
            {documentKinds.map((kind) => (
              <label key={kind} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={draft.internalDocumentKinds.includes(kind)}
                  onChange={(e) =>
                    set({
                      internalDocumentKinds: toggle(draft.internalDocumentKinds, kind, e.target.checked),
                    })
                  }
                />
                {td(kind)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.attachDocuments}
            onChange={(e) => set({ attachDocuments: e.target.checked })}
          />
          {t("attachDocuments")}
        </label>
        {languages.map((language) => (
          <div key={language} className="space-y-2">
            <label className="block text-sm">
              {t("intro", { language: tl(language) })}
              <textarea
                className={input}
                rows={3}
                value={draft.intro[language] ?? ""}
                onChange={(e) => set({ intro: { ...draft.intro, [language]: e.target.value } })}
              />
            </label>
            <label className="block text-sm">
              {t("outro", { language: tl(language) })}
              <textarea
                className={input}
                rows={2}
                value={draft.outro[language] ?? ""}
                onChange={(e) => set({ outro: { ...draft.outro, [language]: e.target.value } })}
              />
            </label>
          </div>
        ))}
        <label className="block text-sm">
          {t("letterhead")}
          <textarea
            className={input}
            rows={3}
            value={draft.letterhead}
            onChange={(e) => set({ letterhead: e.target.value })}
          />
        </label>
        {save.error && (
          <p role="alert" className="text-sm text-red-800">
            {save.error.message}
          </p>
        )}
        {save.isSuccess && (
          <p role="status" className="text-sm text-green-900">
            {t("saved")}
          </p>
        )}
        <button type="submit" className={primary} disabled={save.isPending}>
          {t("save")}
        </button>
      </form>
      <div className="space-y-2">
        <label className="block text-sm">
          {t("previewFor")}
          <input
            className={input}
            value={personId}
            onChange={(e) => setPersonId(e.target.value.trim())}
            placeholder="00000000-0000-0000-0000-000000000000"
          />
        </label>
        <p className="text-xs text-slate-600">{t("previewHint")}</p>
        {preview.error && (
          <p role="alert" className="text-sm text-red-800">
            {preview.error.message}
          </p>
        )}
        {preview.data && (
          <div className="max-h-[48rem] overflow-auto rounded border border-slate-200 bg-white p-4">
            <AccessReportPreview report={preview.data.report} />
          </div>
        )}
      </div>
    </div>
  );
}
