import { getMicrositeSettings, type MicrositePurpose } from "@purposeful/db";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../../i18n/routing";
import { getController } from "../../../server/controller";
import { getDb } from "../../../server/db";
import { currentSession, readFlash } from "../../../server/session";
import { InvalidLink } from "../link-invalid/invalid-link";
import { saveChoices, withdrawAll } from "./actions";
import { ObjectionForm } from "./objection-form";

type SettingsPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{
    saved?: string;
    conflict?: string;
    error?: string;
    minor?: string;
    objection?: string;
  }>;
};

const button =
  "rounded-md px-4 py-2 font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700";

export default async function SettingsPage({ params, searchParams }: SettingsPageProps) {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const now = new Date();
  const session = await currentSession(now);
  const settings = session ? await getMicrositeSettings(await getDb(), session.personId, locale, now) : null;
  if (!settings) return <InvalidLink locale={locale} />;

  const t = await getTranslations("Settings");
  const query = await searchParams;
  const name = settings.salutation
    ? `${settings.salutation} ${settings.lastName}`
    : `${settings.firstName} ${settings.lastName}`;

  return (
    <div className="space-y-10 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
        <p className="text-lg">{t("greeting", { name })}</p>
        <p>{t("intro")}</p>
        <WithdrawalNotice />
      </header>
      {query.saved === "1" ? <SavedMessage purposes={settings.purposes} /> : null}
      {query.conflict === "1" ? (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4">
          {t("conflict")}
        </p>
      ) : null}
      {query.minor === "1" ? (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-4">
          {t("minor")}
        </p>
      ) : null}
      {query.objection === "1" ? (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-4">
          {t("objectionSaved")}
        </p>
      ) : null}
      {query.error === "1" ? (
        <p role="alert" className="rounded-md border border-red-400 bg-red-50 p-4">
          {t("error")}
        </p>
      ) : null}

      <form method="post" action={saveChoices} className="space-y-6">
        <input type="hidden" name="locale" value={locale} />
        <fieldset className="space-y-4">
          <legend className="mb-2 text-xl font-semibold">{t("legend")}</legend>
          {settings.purposes.length === 0 ? <p>{t("none")}</p> : null}
          {settings.purposes.map((purpose) => (
            <PurposeChoice key={purpose.purposeId} purpose={purpose} />
          ))}
        </fieldset>
        {settings.purposes.length > 0 ? (
          <button type="submit" className={`${button} bg-blue-800 text-white hover:bg-blue-900`}>
            {t("save")}
          </button>
        ) : null}
      </form>

      <ObjectionForm locale={locale} objected={settings.objectedChannels} buttonClass={button} />

      <section aria-labelledby="withdraw-all" className="space-y-3 border-t border-slate-200 pt-8">
        <h2 id="withdraw-all" className="text-xl font-semibold">
          {t("withdrawHeading")}
        </h2>
        <p>{t("withdrawBody")}</p>
        <form method="post" action={withdrawAll}>
          <input type="hidden" name="locale" value={locale} />
          <button
            type="submit"
            className={`${button} border-2 border-red-800 bg-white text-red-800 hover:bg-red-50`}
          >
            {t("withdrawButton")}
          </button>
        </form>
      </section>
      <section aria-labelledby="my-data" className="space-y-3 border-t border-slate-200 pt-8">
        <h2 id="my-data" className="text-xl font-semibold">
          {t("myDataHeading")}
        </h2>
        <p>{t("myDataBody")}</p>
        <a
          href={`/${locale}/settings/my-data`}
          download
          data-testid="download-my-data"
          className={`${button} inline-block border-2 border-blue-800 bg-white text-blue-800 hover:bg-blue-50`}
        >
          {t("myDataButton")}
        </a>
      </section>
      <p className="text-sm text-slate-700">{t("sessionNote")}</p>
    </div>
  );
}

/** Art. 7(3) GDPR: the person learns before choosing that consent can be withdrawn at any time. */
async function WithdrawalNotice() {
  const t = await getTranslations("Controller");
  const contact = (await getController())?.privacyContact;
  return (
    <p id="withdraw-any-time" className="rounded-md border border-blue-200 bg-blue-50 p-4">
      {contact ? t("withdrawAnyTime", { contact }) : t("withdrawAnyTimeNoContact")}
    </p>
  );
}

async function PurposeChoice({ purpose }: { purpose: MicrositePurpose }) {
  const t = await getTranslations("Settings");
  const id = `purpose-${purpose.purposeId}`;
  const hint = purpose.outdated
    ? t("state.outdated")
    : purpose.confirmationPending
      ? t("state.pending")
      : purpose.state === "confirmed" || (purpose.state === "granted" && purpose.valid)
        ? t("state.given")
        : purpose.state === "withdrawn"
          ? t("state.withdrawn")
          : null;

  return (
    <div className="rounded-md border border-slate-300 p-4">
      <input type="hidden" name="shown" value={`${purpose.purposeId}:${purpose.version}`} />
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={id}
          name="granted"
          value={purpose.purposeId}
          defaultChecked={purpose.ticked && !purpose.outdated}
          aria-describedby={`${id}-text${hint ? ` ${id}-state` : ""}`}
          className="mt-1 size-5 shrink-0 accent-blue-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        />
        <div className="space-y-2">
          <label htmlFor={id} className="font-semibold">
            {purpose.name}
          </label>
          <p id={`${id}-text`} className="whitespace-pre-line text-slate-800">
            {purpose.description}
          </p>
          {hint ? (
            <p id={`${id}-state`} className="text-sm font-medium text-slate-700">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

async function SavedMessage({ purposes }: { purposes: MicrositePurpose[] }) {
  const t = await getTranslations("Settings");
  const flash = await readFlash();
  const names = (ids: string[]) =>
    purposes
      .filter((purpose) => ids.includes(purpose.purposeId))
      .map((purpose) => purpose.name)
      .join(", ");
  // Withdrawn purposes may be retired ones no longer on the form; count them as well.
  const withdrawn =
    names(flash.withdrawn) || (flash.withdrawn.length > 0 ? String(flash.withdrawn.length) : "");
  const granted = names(flash.granted);
  const pending = names(flash.needsConfirmation);

  return (
    <div role="status" className="space-y-1 rounded-md border border-green-700 bg-green-50 p-4">
      <p className="font-semibold">{t("saved")}</p>
      {granted ? <p>{t("grantedList", { names: granted })}</p> : null}
      {withdrawn ? <p>{t("withdrawnList", { names: withdrawn })}</p> : null}
      {pending ? <p>{t("confirmationMail", { names: pending })}</p> : null}
      {!granted && !withdrawn ? <p>{t("nothingChanged")}</p> : null}
    </div>
  );
}
