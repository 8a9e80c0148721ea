import { roleAtLeast, suppressionOverrideRole } from "@purposeful/domain";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreatePersonForm } from "../../../../features/persons/create-person-form";
import { getServerCaller } from "../../../../server/caller";

export default async function NewPersonPage() {
  const t = await getTranslations("createPerson");
  const { user } = await getServerCaller();
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/persons" className="text-sm text-blue-800 hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <CreatePersonForm mayOverrideSuppression={roleAtLeast(user.role, suppressionOverrideRole)} />
      </section>
    </div>
  );
}
