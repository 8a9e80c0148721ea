import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { KioskGate } from "../../../features/signature/kiosk-gate";
import { LeaveKiosk } from "../../../features/signature/leave-kiosk";
import { requireStaffSession } from "../../../server/session";
import { TRPCReactProvider } from "../../../trpc/react";

/**
 * The signature tablet at a trade fair. Opening it puts the staff session into kiosk scope (server
 * side, `kiosk.enter`): the screen faces the visitor, so the session reaches nothing but the
 * signature procedures and an exact e-mail lookup until the staff user leaves with their password.
 */
export default async function SignatureLayout({ children }: { children: ReactNode }) {
  const { user, session } = await requireStaffSession();
  const t = await getTranslations("signature");
  return (
    <TRPCReactProvider>
      <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 py-2 text-xs text-slate-500">
        <span data-testid="kiosk-user">{t("signedInAs", { name: user.name })}</span>
        {session.kiosk && <LeaveKiosk staffName={user.name} />}
      </header>
      <main className="mx-auto max-w-4xl px-4 py-6">
        <KioskGate kiosk={session.kiosk}>{children}</KioskGate>
      </main>
    </TRPCReactProvider>
  );
}
