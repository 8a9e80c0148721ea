import "../globals.css";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { routing } from "../../i18n/routing";
import { ControllerFooter } from "./controller-footer";
import { LanguageSwitcher } from "./language-switcher";

type LocaleLayoutProps = { children: ReactNode; params: Promise<{ locale: string }> };

// Pages whose address may be kept when switching language; token pages go to the start page.
const switchablePaths = ["/settings", "/link-invalid", "/confirmed", "/unsubscribed"];

export async function generateMetadata({ params }: Omit<LocaleLayoutProps, "children">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: hasLocale(routing.locales, locale) ? locale : "de",
    namespace: "Meta",
  });
  return { title: t("title"), description: t("description"), robots: { index: false } };
}

export default async function LocaleLayout({ children, params }: LocaleLayoutProps) {
  // The CSP nonce is minted per request in src/proxy.ts, so every page must render per request.
  await connection();
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Layout");
  const current = (await headers()).get("x-pp-path")?.replace(/^\/(de|en)(?=\/|$)/, "") ?? "";
  const path = switchablePaths.includes(current) ? current : "";

  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <header className="border-b border-slate-200">
          <div className="mx-auto flex max-w-2xl items-center justify-between px-6 py-4">
            <a href={`/${locale}`} className="rounded text-lg font-bold tracking-tight">
              Purposeful
            </a>
            <LanguageSwitcher current={locale} label={t("languageNav")} path={path} />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-2xl px-6 py-10">
          {children}
        </main>
        <ControllerFooter />
      </body>
    </html>
  );
}
