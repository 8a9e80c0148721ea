import { roleAtLeast } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import { NewIncidentForm } from "../../../../features/cases/new-incident-form";
import { getServerCaller } from "../../../../server/caller";

/** Anyone on staff may record a breach: the 72 hours run from the controller's awareness. */
export default async function NewIncidentPage() {
  const { user } = await getServerCaller();
  const t = await getTranslations("incidents");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <NewIncidentForm seesCases={roleAtLeast(user.role, "dpo")} />
    </>
  );
}
