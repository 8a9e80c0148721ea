import { getTranslations } from "next-intl/server";
import { Forbidden } from "../../../../features/shell/forbidden";
import { StaffAdmin } from "../../../../features/staff/staff-admin";
import { getServerCaller } from "../../../../server/caller";

export default async function StaffAdminPage() {
  const { user } = await getServerCaller();
  if (user.role !== "admin") return <Forbidden user={user} />;
  const t = await getTranslations("staff");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      <StaffAdmin currentUserId={user.id} />
    </>
  );
}
