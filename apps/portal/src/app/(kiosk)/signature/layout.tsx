import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireStaffUser } from "../../../server/session";
import { TRPCReactProvider } from "../../../trpc/react";

/**
 * The signature tablet at a trade fair: a staff session is required, but the screen faces the
 * visitor, so there is no staff navigation and nothing but the signed-in name and a way out.
 */
export default async function SignatureLayout({ children }: { children: ReactNode }) {
  const user = await requireStaffUser();
  const t = await getTranslations("signature");
  return (
    <TRPCReactProvider>
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 py-2 text-xs text-slate-500">
        <span data-testid="kiosk-user">{t("signedInAs", { name: user.name })}</span>
        <Link
          href="/persons"
          className="inline-flex min-h-11 items-center px-3 text-sm text-blue-800 underline"
        >
          {t("end")}
        </Link>
      </header>
      <main className="mx-auto max-w-4xl px-4 py-6">{children}</main>
    </TRPCReactProvider>
  );
}
