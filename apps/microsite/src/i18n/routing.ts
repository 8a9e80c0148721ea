import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["de", "en"],
  defaultLocale: "de",
  localePrefix: "always",
  // A privacy site sets no cookies: the locale lives in the URL, `/` negotiates via Accept-Language.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];
