import { openDocument } from "@purposeful/db";
import { isDomainError } from "@purposeful/domain";
import { z } from "zod";
import { staffRoute } from "../../../../server/route-guard";

const inline = /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain)$/;
const forbidden = {
  de: "Dieses Dokument dürfen nur die Datenschutzbeauftragten, Admins und die Person öffnen, die es hochgeladen hat.",
  en: "Only data protection officers, admins and the person who uploaded it may open this document.",
};

/**
 * The stored file, for dpo, admin and its uploader (others 403); every view is audited. Shown
 * inline only for types a browser renders safely, in a sandbox.
 */
export const GET = staffRoute<{ documentId: string }>("staff", async (_request, { db, user, params }) => {
  const id = z.uuid().safeParse(params.documentId);
  if (!id.success) return new Response("Not found", { status: 404 });
  const document = await openDocument(db, {
    documentId: id.data,
    viewer: user,
    via: "file",
    at: new Date(),
  }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "forbidden") return "forbidden" as const;
    throw error;
  });
  if (document === "forbidden")
    return Response.json({ code: "FORBIDDEN", error: forbidden[user.locale] }, { status: 403 });
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
});
