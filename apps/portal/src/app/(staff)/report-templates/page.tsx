import { roleAtLeast } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import { ReportTemplateEditor } from "../../../features/access-reports/report-template-editor";
import { Forbidden } from "../../../features/shell/forbidden";
import { getServerCaller } from "../../../server/caller";

export default async function ReportTemplatesPage() {
  const { user } = await getServerCaller();
  // The procedures check the role again; this only spares others a page of errors.
  if (!roleAtLeast(user.role, "dpo")) return <Forbidden user={user} />;
  const t = await getTranslations("accessReport.templates");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("hint")}</p>
      <ReportTemplateEditor />
    </>
  );
}
