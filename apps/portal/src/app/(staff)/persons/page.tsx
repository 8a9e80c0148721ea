import { roleAtLeast } from "@purposeful/domain";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PersonsTable } from "../../../features/persons/persons-table";
import { getServerCaller } from "../../../server/caller";

export default async function PersonsPage() {
  const t = await getTranslations("persons");
  const { user } = await getServerCaller();
  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link
          href="/persons/new"
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          {t("new")}
        </Link>
      </div>
      <PersonsTable lists={roleAtLeast(user.role, "marketing")} />
    </>
  );
}
