import { type Locale, routing } from "../../i18n/routing";

const localeNames: Record<Locale, string> = { de: "Deutsch", en: "English" };

type LanguageSwitcherProps = {
  current: Locale;
  label: string;
  /** Path after the locale prefix, e.g. "/p/abc", so switching keeps the page. */
  path?: string;
};

// Plain anchors rather than next/link: switching must work before (or without) hydration.
export function LanguageSwitcher({ current, label, path = "" }: LanguageSwitcherProps) {
  return (
    <nav aria-label={label}>
      <ul className="flex gap-4 text-sm">
        {routing.locales.map((locale) => (
          <li key={locale}>
            <a
              href={`/${locale}${path}`}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
              className="rounded px-1 py-0.5 text-blue-800 underline underline-offset-4 hover:text-blue-950 aria-[current]:font-semibold aria-[current]:text-slate-900 aria-[current]:no-underline"
            >
              {localeNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
