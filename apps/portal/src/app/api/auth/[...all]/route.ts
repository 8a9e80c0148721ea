import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "../../../../server/auth";
import { withTrustedClientAddress } from "../../../../server/client-address";

// Every auth request reaches better-auth with the trusted client address only (rate limit, session).
async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  return toNextJsHandler(auth).POST(withTrustedClientAddress(request));
}

export async function GET(request: Request): Promise<Response> {
  const auth = await getAuth();
  return toNextJsHandler(auth).GET(withTrustedClientAddress(request));
}

export const POST = handle;
