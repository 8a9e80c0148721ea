"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/react";

/** Art. 19 GDPR: the step after telling the recipients of an erasure; recorded with who and when. */
/** `refresh`: reload the page's server data afterwards (the erasure dialog does it when it closes). */
export function MarkNotifiedButton({
  erasureId,
  onDone,
  refresh = true,
}: {
  erasureId: string;
  onDone?: () => void;
  refresh?: boolean;
}) {
  const t = useTranslations("erasure.result");
  const trpc = useTRPC();
  const router = useRouter();
  const mark = useMutation(
    trpc.erasure.markRecipientsNotified.mutationOptions({
      onSuccess: () => {
        onDone?.();
        if (refresh) router.refresh();
      },
    }),
  );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={mark.isPending || mark.isSuccess}
        onClick={() => mark.mutate({ erasureId })}
        className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
      >
        {t("markNotified")}
      </button>
      {mark.error && (
        <span role="alert" className="text-sm text-red-800">
          {mark.error.message}
        </span>
      )}
    </span>
  );
}
