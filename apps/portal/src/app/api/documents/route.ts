import { MAX_DOCUMENT_BYTES, storePersonDocument } from "@purposeful/db";
import { isDomainError, retentionDutyKeys } from "@purposeful/domain";
import { z } from "zod";
import { domainReasonMessages } from "../../../server/domain-error-messages";
import { looksLikeEml, parseEml } from "../../../server/evidence/parse-eml";
import { readCappedBody } from "../../../server/evidence/read-capped-body";
import { staffRoute } from "../../../server/route-guard";

/** Room for the multipart envelope (boundaries, part headers, the personId field) around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const fields = z.object({
  personId: z.uuid(),
  /** "upload" from the documents section; consent evidence by default */
  kind: z.enum(["upload", "evidence"]).default("evidence"),
  /** HGB §257, AO §147: an optional retention class and the date it counts from (default: today) */
  retentionClass: z.enum(retentionDutyKeys).nullable().default(null),
  retentionDate: z.string().max(40).nullable().default(null),
});
/** An absent or empty form field is null. */
const field = (form: FormData | null, name: string) => {
  const value = form?.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
};
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
  const parsed = fields.safeParse({
    personId: form?.get("personId"),
    kind: field(form, "kind") ?? undefined,
    retentionClass: field(form, "retentionClass"),
    retentionDate: field(form, "retentionDate"),
  });
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

  const kind = isEml ? "email" : parsed.data.kind;
  const { retentionClass, retentionDate } = parsed.data;
  const id = await storePersonDocument(db, {
    personId: parsed.data.personId,
    kind,
    fileName: file.name,
    contentType: isEml ? "message/rfc822" : file.type || "application/octet-stream",
    content,
    metadata,
    retention: { retentionClass, retentionDate },
    actor: { type: "staff", id: user.id },
    at: new Date(),
  }).catch((error: unknown) => {
    // e.g. invalid_retention_date: the domain's message in the user's language.
    if (isDomainError(error)) return { reason: error.reason };
    throw error;
  });
  if (id && typeof id === "object")
    return Response.json({ error: domainReasonMessages[id.reason][user.locale] }, { status: 400 });
  if (!id) return Response.json({ error: t.person }, { status: 404 });
  return Response.json({ id, kind, fileName: file.name, metadata }, { status: 201 });
});
