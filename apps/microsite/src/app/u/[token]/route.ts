import { unsubscribe } from "@purposeful/db";
import { getDb } from "../../../server/db";
import { negotiateLocale } from "../../../server/plain-page";
import { clientContext } from "../../../server/request";
import { seeOther } from "../../../server/see-other";

export const dynamic = "force-dynamic";

/** A person opening the List-Unsubscribe URL: the page with the button (nothing happens on GET). */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const locale = negotiateLocale(request.headers.get("accept-language"));
  return seeOther(`/${locale}/unsubscribe/${encodeURIComponent(token)}`);
}

/**
 * RFC 8058 one-click unsubscribe: the mail provider POSTs `List-Unsubscribe=One-Click` (no cookies,
 * no Origin of ours — the token is the authorisation) and gets 200 with no further step. The same
 * POST from our own page (with `via=<locale>`) is answered with the confirmation page. Not rate
 * limited: providers post from shared addresses, and a 256-bit token cannot be guessed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  if (form?.get("List-Unsubscribe") !== "One-Click") {
    return new Response("Expected List-Unsubscribe=One-Click\n", { status: 400 });
  }
  const via = form.get("via");
  const page = via === "de" || via === "en" ? via : null;
  const db = await getDb();
  const result = await db.transaction().execute((trx) =>
    unsubscribe(trx, token, new Date(), {
      ...clientContext(request.headers),
      ...(page ? { language: page } : {}),
    }),
  );
  if (page) return seeOther(result ? `/${page}/unsubscribed` : `/${page}/link-invalid`);
  return result
    ? new Response("Unsubscribed\n", {
        status: 200,
        headers: { "content-type": "text/plain; charset=utf-8" },
      })
    : new Response("Unknown or expired link\n", { status: 404 });
}
