import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { StaffRole } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../../server/root";
import { createStaffUser, mutate, signIn, useTestDatabase } from "../../../testing/signed-in";
import { GET } from "./[documentId]/route";
import { POST } from "./route";

let t: TestDatabase;
let personId: string;
const users = {} as Record<
  "uploader" | "colleague" | "marketing" | "dpo" | "admin",
  { id: string; cookie: string }
>;

beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
  personId = await createPerson(t.db, { firstName: "Eva", lastName: "Beleg" });
  const roles = {
    uploader: "staff",
    colleague: "staff",
    marketing: "marketing",
    dpo: "dpo",
    admin: "admin",
  } as const;
  for (const [name, role] of Object.entries(roles)) {
    const user = await createStaffUser(t.db, role, { locale: name === "colleague" ? "de" : "en" });
    users[name as keyof typeof roles] = { id: user.id, cookie: await signIn(user.email) };
  }
});
afterAll(async () => t?.close());

const url = "http://localhost:3000/api/documents";

function upload(cookie: string, bytes = 2048, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.set(
    "file",
    new File([new Uint8Array(bytes).fill(65)], "consent-letter.pdf", { type: "application/pdf" }),
  );
  form.set("personId", personId);
  return new Request(url, { method: "POST", headers: { Cookie: cookie, ...headers }, body: form });
}

function open(cookie: string | null, documentId: string): Promise<Response> {
  return GET(new Request(`${url}/${documentId}`, { headers: cookie ? { Cookie: cookie } : {} }), {
    params: Promise.resolve({ documentId }),
  });
}

/** A body of `total` bytes in 1 MB chunks; `pulled` counts what the handler actually read. */
function streamedUpload(cookie: string, total: number, contentLength?: number) {
  const counter = { pulled: 0 };
  const chunk = 1024 * 1024;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - counter.pulled);
      counter.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(66));
    },
  });
  const headers: Record<string, string> = {
    Cookie: cookie,
    "Content-Type": "multipart/form-data; boundary=----purposeful",
  };
  if (contentLength !== undefined) headers["Content-Length"] = String(contentLength);
  const request = new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { request, counter };
}

async function documentCount(): Promise<number> {
  return (await t.db.selectFrom("document").select("id").where("personId", "=", personId).execute()).length;
}

describe("#14 evidence documents behind roles", () => {
  let documentId: string;

  it("#14 stores an upload of signed-in staff", async () => {
    const response = await POST(upload(users.uploader.cookie));
    expect(response.status).toBe(201);
    documentId = ((await response.json()) as { id: string }).id;
    const stored = await t.db
      .selectFrom("document")
      .select(["createdBy", "sizeBytes"])
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ createdBy: users.uploader.id, sizeBytes: 2048 });
  });

  it("#14 lets the uploader, dpo and admin open it, and audits every view", async () => {
    for (const name of ["uploader", "dpo", "admin"] as const) {
      const response = await open(users[name].cookie, documentId);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      expect((await response.arrayBuffer()).byteLength).toBe(2048);
    }
    const views = await t.db
      .selectFrom("auditEvent")
      .select(["actorId", "personId", "entityId", "evidenceDocumentId", "changes"])
      .where("action", "=", "document.view")
      .orderBy("id")
      .execute();
    expect(views).toEqual(
      ["uploader", "dpo", "admin"].map((name) => ({
        actorId: users[name as "dpo"].id,
        personId,
        entityId: documentId,
        evidenceDocumentId: documentId,
        changes: { via: "file", kind: "evidence" },
      })),
    );
  });

  it("#14 refuses other staff and marketing with 403 in their language, and audits nothing", async () => {
    const before = await t.db.selectFrom("auditEvent").select("id").execute();
    const colleague = await open(users.colleague.cookie, documentId);
    expect(colleague.status).toBe(403);
    expect(((await colleague.json()) as { error: string }).error).toMatch(/^Dieses Dokument dürfen nur/);
    const marketing = await open(users.marketing.cookie, documentId);
    expect(marketing.status).toBe(403);
    expect(((await marketing.json()) as { error: string }).error).toMatch(/^Only data protection officers/);
    expect(await t.db.selectFrom("auditEvent").select("id").execute()).toEqual(before);
  });

  it("#14 refuses anonymous callers and kiosk sessions, even the uploader's", async () => {
    expect((await open(null, documentId)).status).toBe(401);
    const user = await t.db
      .selectFrom("staffUser")
      .select("email")
      .where("id", "=", users.uploader.id)
      .executeTakeFirstOrThrow();
    const kiosk = await signIn(user.email);
    expect((await mutate(kiosk, "kiosk.enter")).status).toBe(200);
    expect((await open(kiosk, documentId)).status).toBe(403);
    const before = await documentCount();
    expect((await POST(upload(kiosk))).status).toBe(403);
    expect(await documentCount()).toBe(before);
  });

  it("#14 the document page (documents.view) follows the same rule and audits the view", async () => {
    const page = (name: keyof typeof users, role: StaffRole) =>
      createCaller({
        db: t.db,
        user: { id: users[name].id, name, email: `${name}@staff.test`, role, locale: "en" },
        session: { id: `session-${name}`, kiosk: false },
        now: () => new Date(),
      }).documents.view({ documentId });
    const refused = await page("colleague", "staff").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    expect(await page("dpo", "dpo")).toMatchObject({ id: documentId, fileName: "consent-letter.pdf" });
    const last = await t.db
      .selectFrom("auditEvent")
      .select(["action", "actorId", "changes"])
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toEqual({
      action: "document.view",
      actorId: users.dpo.id,
      changes: { via: "page", kind: "evidence" },
    });
  });

  it("#14 refuses an upload over the limit from Content-Length before reading the body", async () => {
    const before = await documentCount();
    const { request, counter } = streamedUpload(users.uploader.cookie, 11 * 1024 * 1024, 11 * 1024 * 1024);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "The file is too large: 10 MB at most." });
    // A stream pulls its first chunk when the request is built; nothing beyond it was read.
    expect(counter.pulled).toBeLessThanOrEqual(1024 * 1024);
    expect(await documentCount()).toBe(before);
  });

  it("#14 cuts off a body without Content-Length at the limit", async () => {
    const { request, counter } = streamedUpload(users.colleague.cookie, 40 * 1024 * 1024);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Die Datei ist zu groß: höchstens 10 MB." });
    expect(counter.pulled).toBeLessThan(13 * 1024 * 1024);
  });

  it("#14 cuts off a body whose Content-Length lies", async () => {
    const before = await documentCount();
    const { request, counter } = streamedUpload(users.uploader.cookie, 40 * 1024 * 1024, 1000);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThan(13 * 1024 * 1024);
    expect(await documentCount()).toBe(before);
  });

  it("#14 refuses a file just over 10 MB inside a body under the cap", async () => {
    const response = await POST(upload(users.uploader.cookie, 10 * 1024 * 1024 + 1));
    expect(response.status).toBe(413);
  });

  it("#18 an upload for an unknown person gets 404 in the user's language and stores nothing", async () => {
    const before = await t.db.selectFrom("document").select("id").execute();
    const form = new FormData();
    form.set("file", new File([new Uint8Array(64).fill(65)], "letter.pdf", { type: "application/pdf" }));
    form.set("personId", "00000000-0000-4000-8000-000000000000");
    const response = await POST(
      new Request(url, { method: "POST", headers: { Cookie: users.colleague.cookie }, body: form }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Person nicht gefunden." });
    expect(await t.db.selectFrom("document").select("id").execute()).toHaveLength(before.length);
  });
});

describe("#2 a document's retention class on upload (HGB §257, AO §147)", () => {
  function classified(cookie: string, fields: Record<string, string>): Request {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(64).fill(67)], "invoice.pdf", { type: "application/pdf" }));
    form.set("personId", personId);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return new Request(url, { method: "POST", headers: { Cookie: cookie }, body: form });
  }

  it("#2 stores the class and its date as an upload; a date in another format is refused in the user's language", async () => {
    const response = await POST(
      classified(users.uploader.cookie, {
        kind: "upload",
        retentionClass: "accounting_vouchers",
        retentionDate: "2025-04-01",
      }),
    );
    expect(response.status).toBe(201);
    const { id, kind } = (await response.json()) as { id: string; kind: string };
    expect(kind).toBe("upload");
    expect(
      await t.db
        .selectFrom("document")
        .select(["kind", "retentionClass", "retentionDate"])
        .where("id", "=", id)
        .executeTakeFirst(),
    ).toEqual({ kind: "upload", retentionClass: "accounting_vouchers", retentionDate: "2025-04-01" });

    const before = await documentCount();
    const refused = await POST(
      classified(users.colleague.cookie, { retentionClass: "business_letters", retentionDate: "01.04.2025" }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben." });
    const unknown = await POST(classified(users.uploader.cookie, { retentionClass: "receipts" }));
    expect(unknown.status).toBe(400);
    expect(await documentCount()).toBe(before);
  });
});
