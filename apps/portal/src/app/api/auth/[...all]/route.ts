import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "../../../../server/auth";

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  return toNextJsHandler(auth).POST(request);
}

export async function GET(request: Request): Promise<Response> {
  const auth = await getAuth();
  return toNextJsHandler(auth).GET(request);
}

export const POST = handle;
