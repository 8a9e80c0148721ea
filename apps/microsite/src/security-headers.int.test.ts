import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NextServer, startNextServer } from "./test-support/next-server";

let server: NextServer;
let baseUrl: string;

beforeAll(async () => {
  // No database: the pages render without the controller footer (src/server/controller.ts).
  server = await startNextServer({ DATABASE_URL: "" });
  baseUrl = server.baseUrl;
});

afterAll(async () => server?.stop());

const nonceSource = /'nonce-([A-Za-z0-9+/]+={0,2})'/;

// Written out literally on purpose: a change to src/security-headers.ts must show up here.
function expectSecurityHeaders(response: Response, csp: string): void {
  expect(response.headers.get("content-security-policy")).toBe(csp);
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=()");
  expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(response.headers.get("x-powered-by")).toBeNull();
  expect(response.headers.get("set-cookie")).toBeNull();
}

function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

function nonceOf(response: Response): string {
  const nonce = response.headers.get("content-security-policy")?.match(nonceSource)?.[1];
  if (!nonce) throw new Error(`no nonce in ${response.headers.get("content-security-policy")}`);
  return nonce;
}

describe("security headers over HTTP", () => {
  it.each([
    ["/de", "de", "Ihre Datenschutz-Einstellungen"],
    ["/en", "en", "Your privacy settings"],
  ])(
    "%s sends every header and renders the %s landing page with nonced scripts",
    async (path, lang, heading) => {
      const response = await fetch(`${baseUrl}${path}`);
      const html = await response.text();

      expect(response.status).toBe(200);
      const nonce = nonceOf(response);
      expectSecurityHeaders(response, pageCsp(nonce));
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    },
  );

  it("mints a fresh nonce for every request", async () => {
    const [first, second] = await Promise.all([fetch(`${baseUrl}/de`), fetch(`${baseUrl}/de`)]);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  it.each([
    ["en-GB,en;q=0.9,de;q=0.5", "/en"],
    ["de-AT,de;q=0.9", "/de"],
    ["fr-FR,fr;q=0.9", "/de"],
  ])("/ with Accept-Language %s redirects to %s with every header", async (acceptLanguage, location) => {
    const response = await fetch(`${baseUrl}/`, {
      redirect: "manual",
      headers: { "accept-language": acceptLanguage },
    });

    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(location);
    expectSecurityHeaders(response, pageCsp(nonceOf(response)));
  });

  it("sends the headers, without a nonce, on static assets", async () => {
    const html = await (await fetch(`${baseUrl}/de`)).text();
    const stylesheet = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
    expect(stylesheet).toBeDefined();

    const response = await fetch(`${baseUrl}${stylesheet}`);

    expect(response.status).toBe(200);
    expectSecurityHeaders(
      response,
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
  });
});
