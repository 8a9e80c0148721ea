import { clientAddress, parseTrustedProxies, type TrustedProxies } from "@purposeful/db/client-address";
import { env } from "../env";

/** better-auth reads the client address (rate limit, session) only from this header. */
export const CLIENT_ADDRESS_HEADER = "x-purposeful-client-address";

let configured: TrustedProxies | undefined;

/** `TRUSTED_PROXIES`, parsed once (a bad value fails the first request loudly). */
export function trustedProxies(): TrustedProxies {
  configured ??= parseTrustedProxies(env.TRUSTED_PROXIES);
  return configured;
}

/**
 * The request as better-auth should see it: CLIENT_ADDRESS_HEADER holds the trusted client address
 * (the socket's, or what `TRUSTED_PROXIES` wrote into X-Forwarded-For) and nothing the client sent.
 * Without a trustworthy address the header is absent and better-auth counts every such request in
 * one shared bucket, so a spoofed header can neither pick a fresh bucket nor name someone else.
 */
export function withTrustedClientAddress(
  request: Request,
  proxies: TrustedProxies = trustedProxies(),
): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const address = clientAddress(request.headers, proxies);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(request, { headers });
}
