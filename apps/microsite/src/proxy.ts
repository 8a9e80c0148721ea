import { NextRequest, type NextResponse } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { env } from "./env";
import { routing } from "./i18n/routing";
import { createNonce, securityHeaders } from "./security-headers";

const intl = createIntlMiddleware(routing);

export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeaders({ nonce: createNonce(), dev: env.NODE_ENV === "development" });

  // Next.js reads the nonce from the *request's* CSP header while rendering and stamps it on its
  // inline and framework scripts; next-intl copies the request headers into its rewrite.
  const requestHeaders = new Headers(request.headers);
  // The layout's language switcher keeps the page (e.g. /de/settings ↔ /en/settings).
  requestHeaders.set("x-pp-path", request.nextUrl.pathname);
  for (const { key, value } of headers) {
    if (key === "Content-Security-Policy") requestHeaders.set(key, value);
  }
  const response = intl(new NextRequest(request, { headers: requestHeaders }));

  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

export const config = {
  // Pages and redirects; static files get the nonce-less headers from next.config.ts. `/u/…` is the
  // RFC 8058 one-click unsubscribe URL: no locale redirect (a POST must not be redirected).
  matcher: ["/((?!api|_next|_vercel|u/|.*\\..*).*)"],
};
