"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { authClient } from "../../lib/auth-client";

export function SignOutButton() {
  const t = useTranslations("nav");
  const router = useRouter();
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
      onClick={async () => {
        await authClient.signOut();
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      {t("signOut")}
    </button>
  );
}
