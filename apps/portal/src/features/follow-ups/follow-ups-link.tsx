import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "My follow-ups" in the header, with how many are due today or overdue. */
export async function FollowUpsLink({ due }: { due: number }) {
  const t = await getTranslations("followUps");
  return (
    <Link href="/follow-ups" className="flex items-center gap-1 hover:underline" data-testid="my-follow-ups">
      {t("nav")}
      {due > 0 && (
        <span
          className="rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white"
          title={t("dueCount", { count: due })}
        >
          <span aria-hidden="true">{due}</span>
          <span className="sr-only">{t("dueCount", { count: due })}</span>
        </span>
      )}
    </Link>
  );
}
