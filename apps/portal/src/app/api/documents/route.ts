import { MAX_DOCUMENT_BYTES, storePersonDocument } from "@purposeful/db";
import { z } from "zod";
import { looksLikeEml, parseEml } from "../../../server/evidence/parse-eml";
import { readCappedBody } from "../../../server/evidence/read-capped-body";
import { staffRoute } from "../../../server/route-guard";

/** Room for the multipart envelope (boundaries, part headers, the personId field) around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const fields = z.object({ personId: z.uuid() });
const messages = {
  de: {
    invalid: "Bitte eine Datei bis 10 MB wählen.",
    tooLarge: "Die Datei ist zu groß: höchstens 10 MB.",
    eml: "Die E-Mail-Datei konnte nicht gelesen werden.",
    person: "Person nicht gefunden.",
  },
  en: {
    invalid: "Please choose a file of up to 10 MB.",
    tooLarge: "The file is too large: 10 MB at most.",
    eml: "The e-mail file could not be read.",
    person: "Person not found.",
  },
};

/**
 * Uploads evidence for a person (multipart: file, personId); a `.eml` is parsed and kept as a
 * checked-in e-mail. Bodies over the limit get 413 from `Content-Length`, or as soon as the stream
 * passes the limit, before anything is parsed.
 */
export const POST = staffRoute("staff", async (request, { db, user }) => {
  const t = messages[user.locale];
  const body = await readCappedBody(request, MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD_BYTES);
  if (body === "too_large") return Response.json({ error: t.tooLarge }, { status: 413 });

  const form = await new Response(body, {
    headers: { "Content-Type": request.headers.get("content-type") ?? "" },
  })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  const parsed = fields.safeParse({ personId: form?.get("personId") });
  if (file instanceof File && file.size > MAX_DOCUMENT_BYTES)
    return Response.json({ error: t.tooLarge }, { status: 413 });
  if (!parsed.success || !(file instanceof File) || file.size === 0) {
    return Response.json({ error: t.invalid }, { status: 400 });
  }
  const content = Buffer.from(await file.arrayBuffer());
  const isEml = looksLikeEml(file.name, file.type);
  let metadata: Record<string, unknown> = {};
  if (isEml) {
    try {
      metadata = { email: await parseEml(content) };
    } catch {
      return Response.json({ error: t.eml }, { status: 400 });
    }
  }

  const id = await storePersonDocument(db, {
    personId: parsed.data.personId,
    kind: isEml ? "email" : "evidence",
    fileName: file.name,
    contentType: isEml ? "message/rfc822" : file.type || "application/octet-stream",
    content,
    metadata,
    actor: { type: "staff", id: user.id },
    at: new Date(),
  });
  if (!id) return Response.json({ error: t.person }, { status: 404 });
  return Response.json(
    { id, kind: isEml ? "email" : "evidence", fileName: file.name, metadata },
    { status: 201 },
  );
});
