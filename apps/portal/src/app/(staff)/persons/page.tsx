import { getTranslations } from "next-intl/server";
import { PersonsTable } from "../../../features/persons/persons-table";

export default async function PersonsPage() {
  const t = await getTranslations("persons");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      <PersonsTable />
    </>
  );
}
