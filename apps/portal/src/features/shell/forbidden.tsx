import { getTranslations } from "next-intl/server";
import type { StaffUser } from "../../server/session";

export async function Forbidden({ user }: { user: StaffUser }) {
  const t = await getTranslations();
  return (
    <section role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">{t("forbidden.title")}</h1>
      <p className="mt-2 text-red-900">{t("forbidden.body", { role: t(`roles.${user.role}`) })}</p>
    </section>
  );
}
