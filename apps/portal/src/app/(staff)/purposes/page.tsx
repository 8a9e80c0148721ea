import { roleAtLeast } from "@purposeful/domain";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PurposesTable } from "../../../features/purposes/purposes-table";
import { getServerCaller } from "../../../server/caller";

const buttonClass = "rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100";

export default async function PurposesPage() {
  const { user } = await getServerCaller();
  const t = await getTranslations("purposes");
  const canEdit = roleAtLeast(user.role, "dpo");
  const register = (format: "csv" | "json") => `/api/purposes/register?format=${format}&lang=${user.locale}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canEdit && (
          <div className="ml-auto flex flex-wrap gap-2">
            <a href={register("csv")} download className={buttonClass}>
              {t("exportCsv")}
            </a>
            <a href={register("json")} download className={buttonClass}>
              {t("exportJson")}
            </a>
            <Link
              href="/purposes/new"
              className="rounded bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800"
            >
              {t("new")}
            </Link>
          </div>
        )}
      </div>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      {!canEdit && <p className="text-sm text-slate-600">{t("readOnly")}</p>}
      <PurposesTable />
    </div>
  );
}
