import { roleAtLeast } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import { AuditTrail } from "../../../features/audit/audit-trail";
import { Forbidden } from "../../../features/shell/forbidden";
import { getServerCaller } from "../../../server/caller";

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ person?: string }> }) {
  const { user } = await getServerCaller();
  // The procedures check the role again; this only spares others a page of errors.
  if (!roleAtLeast(user.role, "dpo")) return <Forbidden user={user} />;
  const t = await getTranslations("audit");
  const { person } = await searchParams;
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <AuditTrail initialPersonId={typeof person === "string" ? person : undefined} />
    </>
  );
}
