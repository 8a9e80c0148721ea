import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "../../features/shell/sign-in-form";
import { getStaffUser } from "../../server/session";

export default async function SignInPage() {
  if (await getStaffUser()) redirect("/persons");
  const t = await getTranslations("signIn");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <SignInForm />
    </main>
  );
}
