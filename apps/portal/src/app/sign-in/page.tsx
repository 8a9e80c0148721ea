import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "../../features/shell/sign-in-form";
import { getSessionStaffUser } from "../../server/session";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await getSessionStaffUser();
  if (user) redirect(user.mustChangePassword ? "/change-password" : "/");
  const t = await getTranslations("signIn");
  const { changed } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      {changed === "1" && (
        <p role="status" className="mb-4 rounded bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("passwordChanged")}
        </p>
      )}
      <SignInForm />
    </main>
  );
}
