"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";

/** Recomputes the hash chain on demand and says whether the trail is intact or where it breaks. */
export function AuditVerify() {
  const t = useTranslations("audit.verify");
  const trpc = useTRPC();
  const verify = useQuery({ ...trpc.audit.verify.queryOptions(), enabled: false, gcTime: 0 });
  const result = verify.data;

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        data-testid="verify-audit"
        disabled={verify.isFetching}
        onClick={() => verify.refetch()}
        className="rounded bg-blue-700 px-3 py-2 text-sm text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {verify.isFetching ? t("running") : t("button")}
      </button>
      <p role="status" aria-live="polite" className="text-sm" data-testid="verify-result">
        {verify.isFetching
          ? null
          : verify.error
            ? verify.error.message
            : result &&
              (result.ok ? (
                <span className="font-medium text-green-800">
                  <span aria-hidden="true">✓ </span>
                  {t("intact", { count: result.events })}
                  {" · "}
                  {t("checkpoints", { count: result.checkpoints })}
                </span>
              ) : (
                <span className="font-medium text-red-800">
                  <span aria-hidden="true">✗ </span>
                  {t("broken", { id: result.brokenAt, problem: t(`problems.${result.problem}`) })}
                </span>
              ))}
      </p>
    </div>
  );
}
