import { getTranslations } from "next-intl/server";
import { CompanySettingsForm } from "../../../../features/company/company-settings-form";
import { Forbidden } from "../../../../features/shell/forbidden";
import { getServerCaller } from "../../../../server/caller";

export default async function CompanySettingsPage() {
  const { caller, user } = await getServerCaller();
  if (user.role !== "admin") return <Forbidden user={user} />;
  const t = await getTranslations("companySettings");
  const settings = await caller.settings.company();
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <CompanySettingsForm initial={settings} />
    </>
  );
}
