import de from "../../messages/de.json";
import en from "../../messages/en.json";
import type { Locale } from "../i18n/routing";

const messages = { de, en };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A minimal page for route handlers, which cannot render the React layout: the 429 answer of a
 * token URL. No scripts or inline styles, so the nonce CSP has nothing to allow.
 */
export function tooManyRequestsPage(locale: Locale): Response {
  const t = messages[locale].LinkInvalid;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.heading)}</title></head><body><main><h1>${escapeHtml(t.heading)}</h1><p>${escapeHtml(t.tooMany)}</p><p><a href="/${locale}/link-invalid">${escapeHtml(t.requestNew)}</a></p></main></body></html>`;
  return new Response(html, {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": "600",
      "cache-control": "no-store",
    },
  });
}

export function negotiateLocale(acceptLanguage: string | null): Locale {
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "de";
}
