export type SecurityHeader = { key: string; value: string };

type SecurityHeaderOptions = {
  /** Per-request nonce; without it no inline script may run (static assets, config-level headers). */
  nonce?: string;
  /** `next dev` needs eval for React's error overlay and injects styles without a nonce. */
  dev?: boolean;
};

export function contentSecurityPolicy({ nonce, dev = false }: SecurityHeaderOptions = {}): string {
  const scriptSrc = ["'self'"];
  if (nonce) scriptSrc.push(`'nonce-${nonce}'`);
  if (dev) scriptSrc.push("'unsafe-eval'");
  const styleSrc = dev ? ["'self'", "'unsafe-inline'"] : ["'self'"];
  if (nonce && !dev) styleSrc.push(`'nonce-${nonce}'`);

  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    `style-src ${styleSrc.join(" ")}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** The one list of security headers; next.config.ts applies it to every path, src/proxy.ts adds the nonce. */
export function securityHeaders(options: SecurityHeaderOptions = {}): SecurityHeader[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
