import { MAX_DOCUMENT_BYTES, storeDocument } from "@purposeful/db";
import { roleAtLeast } from "@purposeful/domain";
import { z } from "zod";
import { getDb } from "../../../server/db";
import { looksLikeEml, parseEml } from "../../../server/evidence/parse-eml";
import { getStaffUser } from "../../../server/session";

const fields = z.object({ personId: z.uuid() });
const messages = {
  de: {
    invalid: "Bitte eine Datei bis 10 MB wählen.",
    eml: "Die E-Mail-Datei konnte nicht gelesen werden.",
    person: "Person nicht gefunden.",
  },
  en: {
    invalid: "Please choose a file of up to 10 MB.",
    eml: "The e-mail file could not be read.",
    person: "Person not found.",
  },
};

/** Uploads evidence for a person (multipart: file, personId); a `.eml` is parsed and kept as a checked-in e-mail. */
export async function POST(request: Request): Promise<Response> {
  const user = await getStaffUser();
  if (!user) return Response.json({ error: "UNAUTHORIZED" }, { status: 401 });
  if (!roleAtLeast(user.role, "staff")) return Response.json({ error: "FORBIDDEN" }, { status: 403 });
  const t = messages[user.locale];

  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  const parsed = fields.safeParse({ personId: form?.get("personId") });
  if (!parsed.success || !(file instanceof File) || file.size === 0 || file.size > MAX_DOCUMENT_BYTES) {
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

  const db = await getDb();
  const exists = await db
    .selectFrom("person")
    .select("id")
    .where("id", "=", parsed.data.personId)
    .executeTakeFirst();
  if (!exists) return Response.json({ error: t.person }, { status: 404 });
  const id = await db.transaction().execute((trx) =>
    storeDocument(trx, {
      personId: parsed.data.personId,
      kind: isEml ? "email" : "evidence",
      fileName: file.name,
      contentType: isEml ? "message/rfc822" : file.type || "application/octet-stream",
      content,
      metadata,
      actor: { type: "staff", id: user.id },
      at: new Date(),
    }),
  );
  return Response.json(
    { id, kind: isEml ? "email" : "evidence", fileName: file.name, metadata },
    { status: 201 },
  );
}
