import { controllerTimeZone } from "@purposeful/domain";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionStaffUser } from "../server/session";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const localeCookie = "purposeful-locale";

function pick(value: string | undefined | null): Locale | null {
  return value === "de" || value === "en" ? value : null;
}

// The language is chosen per staff user; before sign-in, a cookie or the browser's preference.
export default getRequestConfig(async () => {
  const user = await getSessionStaffUser().catch(() => null);
  const cookieLocale = pick((await cookies()).get(localeCookie)?.value);
  const browser = (await headers()).get("accept-language")?.toLowerCase().startsWith("en") ? "en" : null;
  const locale: Locale = user?.locale ?? cookieLocale ?? browser ?? "de";
  return {
    locale,
    timeZone: controllerTimeZone,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
