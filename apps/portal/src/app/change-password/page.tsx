import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "../../features/shell/change-password-form";
import { SignOutButton } from "../../features/shell/sign-out-button";
import { getSessionStaffUser } from "../../server/session";
import { TRPCReactProvider } from "../../trpc/react";

/** Outside the staff layout: the one page a user with a one-time password (admin:create) can open. */
export default async function ChangePasswordPage() {
  const user = await getSessionStaffUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("changePassword");
  return (
    <TRPCReactProvider>
      <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 px-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{user.mustChangePassword ? t("intro") : t("introVoluntary")}</p>
        <ChangePasswordForm email={user.email} />
        <div className="text-sm">
          <SignOutButton />
        </div>
      </main>
    </TRPCReactProvider>
  );
}
