"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect } from "react";
import { useTRPC } from "../../trpc/react";

/**
 * Shows the tablet only once the session is in kiosk scope; on arrival it asks the server to
 * scope the session (a mutation, so a prefetch of the page never does it) and reloads the layout.
 */
export function KioskGate({ kiosk, children }: { kiosk: boolean; children: ReactNode }) {
  const t = useTranslations("kiosk");
  const trpc = useTRPC();
  const router = useRouter();
  const enter = useMutation(trpc.kiosk.enter.mutationOptions({ onSuccess: () => router.refresh() }));
  const { mutate } = enter;
  useEffect(() => {
    if (!kiosk) mutate();
  }, [kiosk, mutate]);
  if (kiosk) return children;
  return (
    <p role="status" className="text-slate-600">
      {enter.isError ? t("startFailed") : t("starting")}
    </p>
  );
}
