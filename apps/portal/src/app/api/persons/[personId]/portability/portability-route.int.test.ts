import { listAuditEvents } from "@purposeful/db";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffUser, signIn, useTestDatabase } from "../../../../../testing/signed-in";
import { GET } from "./route";

/** The Art. 20 export as the DPO downloads it from the person page; other staff are refused. */
let t: TestDatabase;
let personId: string;
let dpoId: string;
const cookies = { staff: "", marketing: "", dpo: "", admin: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
  for (const role of ["staff", "marketing", "admin"] as const)
    cookies[role] = await signIn((await createStaffUser(t.db, role)).email);
  const dpo = await createStaffUser(t.db, "dpo");
  dpoId = dpo.id;
  cookies.dpo = await signIn(dpo.email);
  personId = await createPerson(t.db, {
    firstName: "Paula",
    lastName: "Portabel",
    emails: ["paula@example.com"],
    preferredLanguage: "en",
  });
  const newsletter = await createPurpose(t.db, { key: "newsletter" });
  const bookkeeping = await createPurpose(t.db, {
    key: "bookkeeping",
    defaultLegalBasis: "legal_obligation",
  });
  await createRecord(t.db, { personId, purposeId: newsletter, state: "granted", source: "microsite" });
  await createRecord(t.db, {
    personId,
    purposeId: bookkeeping,
    legalBasis: "legal_obligation",
    state: "active",
  });
});
afterAll(async () => t?.close());

function download(cookie: string, id = personId): Promise<Response> {
  return GET(
    new Request(`http://localhost:3000/api/persons/${id}/portability`, { headers: { Cookie: cookie } }),
    { params: Promise.resolve({ personId: id }) },
  );
}

describe("GET /api/persons/[personId]/portability (Art. 20)", () => {
  it("refuses staff and marketing", async () => {
    expect((await download(cookies.staff)).status).toBe(403);
    expect((await download(cookies.marketing)).status).toBe(403);
  });

  it("gives the DPO a ZIP with export.json, schema.json, the CSVs and a README, audited", async () => {
    const response = await download(cookies.dpo);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const disposition = response.headers.get("Content-Disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="art20-export-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(disposition).not.toMatch(/paula|portabel/i);

    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        "README.txt",
        "export.json",
        "schema.json",
        "person.csv",
        "emails.csv",
        "phones.csv",
        "addresses.csv",
        "bank-accounts.csv",
        "consents.csv",
      ]),
    );
    const exported = JSON.parse(strFromU8(entries["export.json"]!));
    expect(exported).toMatchObject({
      schemaVersion: "1.0",
      language: "en",
      scope: { applies: true },
      subject: { firstName: "Paula", lastName: "Portabel", emails: [{ address: "paula@example.com" }] },
      records: [{ purposeKey: "newsletter", legalBasis: "consent", state: "granted", source: "microsite" }],
    });
    expect(strFromU8(entries["consents.csv"]!)).not.toContain("bookkeeping");

    const [event] = (await listAuditEvents(t.db, { action: "person.portability_exported", limit: 1 })).rows;
    expect(event).toMatchObject({ actorType: "staff", actorId: dpoId, personId, personal: null });
    expect(JSON.stringify(event?.changes)).not.toMatch(/paula|portabel/i);
  });

  it("lets the admin download too, in the language asked for", async () => {
    const response = await GET(
      new Request(`http://localhost:3000/api/persons/${personId}/portability?lang=de`, {
        headers: { Cookie: cookies.admin },
      }),
      { params: Promise.resolve({ personId }) },
    );
    expect(response.status).toBe(200);
    const readme = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))["README.txt"]!);
    expect(readme).toContain("Recht auf Datenübertragbarkeit");
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect((await download(cookies.dpo, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await download(cookies.dpo, "not-a-uuid")).status).toBe(404);
  });
});
