import { roleAtLeast } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import { IncidentsView } from "../../../features/cases/incidents-view";
import { Forbidden } from "../../../features/shell/forbidden";
import { getServerCaller } from "../../../server/caller";

export default async function IncidentsPage() {
  const { user } = await getServerCaller();
  // The procedures check the role again; this only spares others a page of errors.
  if (!roleAtLeast(user.role, "dpo")) return <Forbidden user={user} />;
  const t = await getTranslations("incidents");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <IncidentsView />
    </>
  );
}
