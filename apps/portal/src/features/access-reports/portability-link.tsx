import { roleAtLeast, type StaffRole } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import { PersonSection } from "../persons/person-section";

/**
 * Issue 10 #5: the data portability export (Art. 20 GDPR) on the person page, for the DPO and the
 * admin (the route refuses everyone else too). A plain link: the browser downloads the ZIP.
 */
export async function PortabilityLink({ personId, role }: { personId: string; role: StaffRole }) {
  if (!roleAtLeast(role, "dpo")) return null;
  const t = await getTranslations("portability");
  return (
    <PersonSection id="portability" title={t("title")} testId="portability">
      <p className="mb-3 text-sm text-slate-600">{t("hint")}</p>
      <a
        href={`/api/persons/${encodeURIComponent(personId)}/portability`}
        download
        data-testid="portability-download"
        className="inline-block rounded border border-slate-300 bg-white px-3 py-1 text-sm text-blue-800 underline hover:bg-slate-100"
      >
        {t("download")}
      </a>
    </PersonSection>
  );
}
