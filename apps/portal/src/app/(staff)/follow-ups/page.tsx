import { getTranslations } from "next-intl/server";
import { MyFollowUps } from "../../../features/follow-ups/my-follow-ups";

export default async function FollowUpsPage() {
  const t = await getTranslations("followUps");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <MyFollowUps />
    </>
  );
}
