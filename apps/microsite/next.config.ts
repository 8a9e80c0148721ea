import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { env } from "./src/env";
import { securityHeaders } from "./src/security-headers";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  transpilePackages: ["@purposeful/domain", "@purposeful/db", "@purposeful/emails"],
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  experimental: {
    // Referrer-Policy: no-referrer makes browsers send `Origin: null` on plain form posts, so the
    // forms would not work without JavaScript. Next lets "null" through; every action then checks
    // isSameOrigin() itself (Sec-Fetch-Site must be same-origin), and the SameSite session cookie
    // never travels on a cross-site post.
    serverActions: { allowedOrigins: ["null"] },
  },
  async headers() {
    // Every response, including static files; src/proxy.ts replaces the CSP on pages with a nonce.
    return [{ source: "/:path*", headers: securityHeaders({ dev: env.NODE_ENV === "development" }) }];
  },
};

export default withNextIntl(nextConfig);
