import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { routing } from "../../../i18n/routing";
import { InvalidLink } from "./invalid-link";

type LinkInvalidPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ sent?: string; retry?: string }>;
};

export default async function LinkInvalidPage({ params, searchParams }: LinkInvalidPageProps) {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const { sent, retry } = await searchParams;
  return (
    <InvalidLink locale={locale} sent={sent === "1"} retry={retry === "request" ? "request" : undefined} />
  );
}
