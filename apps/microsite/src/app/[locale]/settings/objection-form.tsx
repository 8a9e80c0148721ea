import type { Channel } from "@purposeful/domain";
import { getTranslations } from "next-intl/server";
import { saveObjection } from "./actions";

/** The channels a person can object on from the microsite (profiling stays with the purposes). */
const objectable: Channel[] = ["email", "phone", "post", "sms"];

/**
 * Art. 21(2),(3) GDPR: the person objects to direct marketing at any time, also in advance and
 * whatever the basis; works without JavaScript like the rest of the page.
 */
export async function ObjectionForm({
  locale,
  objected,
  buttonClass,
}: {
  locale: string;
  objected: Channel[];
  buttonClass: string;
}) {
  const t = await getTranslations("Objection");
  return (
    <section aria-labelledby="objection" className="space-y-3 border-t border-slate-200 pt-8">
      <h2 id="objection" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <p>{t("body")}</p>
      <form method="post" action={saveObjection} className="space-y-3">
        <input type="hidden" name="locale" value={locale} />
        <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
          <legend className="mb-1 font-medium">{t("legend")}</legend>
          {objectable.map((channel) => (
            <label key={channel} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="channel"
                value={channel}
                defaultChecked={objected.includes(channel)}
                className="size-5 accent-blue-800"
              />
              {t(`channels.${channel}`)}
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className={`${buttonClass} border-2 border-slate-800 bg-white hover:bg-slate-50`}
        >
          {t("save")}
        </button>
      </form>
    </section>
  );
}
