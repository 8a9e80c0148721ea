import { roleAtLeast } from "@purposeful/domain";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreatePurposeForm } from "../../../../features/purposes/purpose-form";
import { Forbidden } from "../../../../features/shell/forbidden";
import { getServerCaller } from "../../../../server/caller";

export default async function NewPurposePage() {
  const { user } = await getServerCaller();
  if (!roleAtLeast(user.role, "dpo")) return <Forbidden user={user} />;
  const t = await getTranslations("purposes");
  return (
    <div className="space-y-4">
      <Link href="/purposes" className="text-sm text-blue-800 hover:underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <CreatePurposeForm />
    </div>
  );
}
