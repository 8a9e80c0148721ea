"use client";

import { transferSafeguardArticle } from "@purposeful/domain";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import type { AppRouter } from "../../server/root";
import { useTRPC } from "../../trpc/react";
import { EditPurposeForm } from "./purpose-form";
import { PurposeHistory } from "./purpose-history";
import { PurposeLightsJob } from "./purpose-lights-job";

export type PurposeView = inferRouterOutputs<AppRouter>["purposes"]["get"];

function PurposeSummary({ purpose }: { purpose: PurposeView }) {
  const t = useTranslations();
  const list = (items: string[]) => (items.length > 0 ? items.join(", ") : t("purposes.none"));
  const rows: Array<[string, string]> = [
    [t("purposes.key"), purpose.key],
    [
      t("purposes.basis"),
      t("purposes.basisWithArticle", {
        basis: t(`legalBases.${purpose.defaultLegalBasis}`),
        article: purpose.legalBasisArticle,
      }),
    ],
    [
      t("purposeScope.allowedBases"),
      list(purpose.allowedLegalBases.map((basis) => t(`legalBases.${basis}`))),
    ],
    [t("purposeScope.directMarketing"), t(purpose.directMarketing ? "purposes.yes" : "purposes.no")],
    [t("purposeScope.ownSimilarGoods"), t(purpose.ownSimilarGoods ? "purposes.yes" : "purposes.no")],
    [t("purposeScope.profiling"), t(purpose.profiling ? "purposes.yes" : "purposes.no")],
    [t("purposes.channels"), list(purpose.channels.map((channel) => t(`channels.${channel}`)))],
    [t("purposes.doubleOptIn"), t(purpose.doubleOptIn ? "purposes.yes" : "purposes.no")],
    [t("purposes.retention"), purpose.retentionPeriod],
    [t("purposes.dataSubjectCategories"), list(purpose.dataSubjectCategories)],
    [t("purposes.dataCategories"), list(purpose.dataCategories)],
    [t("purposes.recipients"), list(purpose.recipients)],
    [
      t("purposeScope.transfers.title"),
      list(
        purpose.thirdCountryTransfers.map((transfer) =>
          t("purposeScope.transfers.summary", {
            country: transfer.country,
            recipient: transfer.recipient,
            safeguard: t(`transferSafeguards.${transfer.safeguard}`),
            article: transferSafeguardArticle[transfer.safeguard],
          }),
        ),
      ),
    ],
    [t("purposes.active"), t(purpose.active ? "purposes.yes" : "purposes.no")],
    [t("purposes.version"), String(purpose.currentVersion)],
  ];
  return (
    <section aria-labelledby="purpose-details" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="purpose-details" className="mb-3 text-lg font-semibold">
        {t("purposes.details")}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A purpose's page: the edit form for dpo and admin, a read-only summary for everyone else. */
export function PurposeDetail({ initial, canEdit }: { initial: PurposeView; canEdit: boolean }) {
  const t = useTranslations();
  const locale = useLocale() === "en" ? "en" : "de";
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.purposes.get.queryOptions({ purposeId: initial.id }),
    initialData: initial,
  });
  const purpose = query.data ?? initial;
  const current = purpose.versions.find((entry) => entry.version === purpose.currentVersion);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{current?.texts[locale]?.name ?? purpose.key}</h1>
      {canEdit ? (
        <EditPurposeForm
          purposeId={purpose.id}
          values={{
            key: purpose.key,
            texts: {
              de: current?.texts.de ?? { name: "", description: "" },
              en: current?.texts.en ?? { name: "", description: "" },
            },
            defaultLegalBasis: purpose.defaultLegalBasis,
            channels: purpose.channels,
            doubleOptIn: purpose.doubleOptIn,
            retentionPeriod: purpose.retentionPeriod,
            dataCategories: purpose.dataCategories,
            recipients: purpose.recipients,
            active: purpose.active,
            directMarketing: purpose.directMarketing,
            ownSimilarGoods: purpose.ownSimilarGoods,
            dataSubjectCategories: purpose.dataSubjectCategories,
            thirdCountryTransfers: purpose.thirdCountryTransfers,
            profiling: purpose.profiling,
            allowedLegalBases:
              purpose.allowedLegalBases.length > 0 ? purpose.allowedLegalBases : [purpose.defaultLegalBasis],
          }}
        />
      ) : (
        <>
          <p className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("purposes.readOnly")}</p>
          <PurposeSummary purpose={purpose} />
        </>
      )}
      <PurposeLightsJob purposeId={purpose.id} />
      <PurposeHistory
        versions={purpose.versions}
        currentVersion={purpose.currentVersion}
        minValidVersion={purpose.minValidVersion}
      />
    </div>
  );
}
