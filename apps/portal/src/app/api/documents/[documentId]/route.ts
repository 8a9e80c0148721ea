import { getDocument } from "@purposeful/db";
import { z } from "zod";
import { getDb } from "../../../../server/db";
import { getStaffUser } from "../../../../server/session";

const inline = /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain)$/;

/** The stored file, for signed-in staff; shown inline only for types a browser renders safely. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ documentId: string }> },
): Promise<Response> {
  const user = await getStaffUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const id = z.uuid().safeParse((await params).documentId);
  if (!id.success) return new Response("Not found", { status: 404 });
  const document = await getDocument(await getDb(), id.data);
  if (!document) return new Response("Not found", { status: 404 });
  const disposition = inline.test(document.contentType) ? "inline" : "attachment";
  return new Response(new Uint8Array(document.content), {
    headers: {
      "Content-Type": document.contentType,
      "Content-Length": String(document.sizeBytes),
      "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
