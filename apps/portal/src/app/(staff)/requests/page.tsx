import { getTranslations } from "next-intl/server";
import { RequestsView } from "../../../features/cases/requests-view";

export default async function RequestsPage() {
  const t = await getTranslations("requests");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <RequestsView />
    </>
  );
}
