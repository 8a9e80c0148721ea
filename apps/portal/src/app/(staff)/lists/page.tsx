import { roleAtLeast } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import { ListsView } from "../../../features/lists/lists-view";
import { Forbidden } from "../../../features/shell/forbidden";
import { getServerCaller } from "../../../server/caller";

export default async function ListsPage() {
  const { user } = await getServerCaller();
  // The procedures check the role again; this only spares others a page of errors.
  if (!roleAtLeast(user.role, "marketing")) return <Forbidden user={user} />;
  const t = await getTranslations("lists");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <ListsView />
    </>
  );
}
