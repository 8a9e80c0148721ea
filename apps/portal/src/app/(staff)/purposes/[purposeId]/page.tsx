import { roleAtLeast } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PurposeDetail, type PurposeView } from "../../../../features/purposes/purpose-detail";
import { getServerCaller } from "../../../../server/caller";

async function loadPurpose(purposeId: string): Promise<PurposeView> {
  const { caller } = await getServerCaller();
  try {
    return await caller.purposes.get({ purposeId });
  } catch (error) {
    // An unknown id and a malformed one look the same to the user: there is no such purpose.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    throw error;
  }
}

export default async function PurposePage({ params }: { params: Promise<{ purposeId: string }> }) {
  const { purposeId } = await params;
  const { user } = await getServerCaller();
  const purpose = await loadPurpose(purposeId);
  const t = await getTranslations("purposes");
  return (
    <div className="space-y-4">
      <Link href="/purposes" className="text-sm text-blue-800 hover:underline">
        {t("back")}
      </Link>
      <PurposeDetail initial={purpose} canEdit={roleAtLeast(user.role, "dpo")} />
    </div>
  );
}
