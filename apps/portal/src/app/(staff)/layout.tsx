import { roleAtLeast } from "@purposeful/domain";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { FollowUpsLink } from "../../features/follow-ups/follow-ups-link";
import { LanguageSwitcher } from "../../features/shell/language-switcher";
import { SignOutButton } from "../../features/shell/sign-out-button";
import { getServerCaller } from "../../server/caller";
import { requireStaffSession } from "../../server/session";
import { TRPCReactProvider } from "../../trpc/react";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const signedIn = await requireStaffSession();
  // A kiosk-scoped session (the signature tablet) reaches no staff page until it leaves kiosk mode.
  if (signedIn.session.kiosk) redirect("/signature");
  const { user } = signedIn;
  const t = await getTranslations();
  const { caller } = await getServerCaller();
  const dueFollowUps = await caller.followUps.count();
  return (
    <TRPCReactProvider>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-blue-800">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.main")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href="/" className="hover:underline">
              {t("nav.dashboard")}
            </Link>
            <Link href="/persons" className="hover:underline">
              {t("nav.persons")}
            </Link>
            <Link href="/purposes" className="hover:underline">
              {t("nav.purposes")}
            </Link>
            {roleAtLeast(user.role, "marketing") && (
              <Link href="/lists" className="hover:underline">
                {t("nav.lists")}
              </Link>
            )}
            <Link href="/requests" className="hover:underline">
              {t("nav.requests")}
            </Link>
            {user.role === "dpo" || user.role === "admin" ? (
              <Link href="/incidents" className="hover:underline">
                {t("nav.incidents")}
              </Link>
            ) : (
              <Link href="/incidents/new" className="hover:underline">
                {t("nav.reportBreach")}
              </Link>
            )}
            <Link href="/signature" className="hover:underline">
              {t("nav.signature")}
            </Link>
            {(user.role === "dpo" || user.role === "admin") && (
              <Link href="/audit" className="hover:underline">
                {t("nav.audit")}
              </Link>
            )}
            {(user.role === "dpo" || user.role === "admin") && (
              <Link href="/retention" className="hover:underline">
                {t("nav.retention")}
              </Link>
            )}
            {(user.role === "dpo" || user.role === "admin") && (
              <Link href="/report-templates" className="hover:underline">
                {t("nav.reportTemplates")}
              </Link>
            )}
            {(user.role === "dpo" || user.role === "admin") && (
              <Link href="/outbox" className="hover:underline">
                {t("nav.outbox")}
              </Link>
            )}
            {user.role === "admin" && (
              <Link href="/admin/staff" className="hover:underline">
                {t("nav.staff")}
              </Link>
            )}
            {user.role === "admin" && (
              <Link href="/admin/company" className="hover:underline">
                {t("nav.company")}
              </Link>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-4 text-sm">
            <FollowUpsLink due={dueFollowUps} />
            <span data-testid="current-user">
              {user.name} · {t(`roles.${user.role}`)}
            </span>
            <LanguageSwitcher current={user.locale} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </TRPCReactProvider>
  );
}
