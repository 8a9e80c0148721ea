import { getTranslations } from "next-intl/server";
import { DashboardView } from "../../features/dashboard/dashboard-view";

/** The portal's home page (issue 11 #9). */
export default async function DashboardPage() {
  const t = await getTranslations("dashboard");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <DashboardView />
    </>
  );
}
