import { Readable } from "node:stream";

/** A generated PDF as a download (or shown inline), streamed, never cached. */
export function pdfResponse(
  pdf: NodeJS.ReadableStream,
  fileName: string,
  disposition: "attachment" | "inline",
  extraHeaders: Record<string, string> = {},
): Response {
  const body = Readable.toWeb(Readable.from(pdf)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...extraHeaders,
    },
  });
}
