import type { AbstractIntlMessages } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import de from "../../../../messages/de.json";
import en from "../../../../messages/en.json";
import { SignatureKiosk } from "../../../features/signature/signature-kiosk";

function visitorMessages(messages: typeof de | typeof en): AbstractIntlMessages {
  return { signature: messages.signature };
}

/** Consent by finger signature on a tablet; the visitor's texts can be switched to German or English. */
export default async function SignaturePage() {
  const t = await getTranslations("signature");
  const locale = (await getLocale()) === "en" ? "en" : "de";
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <SignatureKiosk
        staffLocale={locale}
        visitorMessages={{ de: visitorMessages(de), en: visitorMessages(en) }}
      />
    </>
  );
}
