import { createIncident } from "@purposeful/db";
import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffUser, signIn, useTestDatabase } from "../../../../../testing/signed-in";
import { GET } from "./route";

/** The Art. 33(3) notification as the DPO downloads it from the incident page; other staff are refused. */
let t: TestDatabase;
let incidentId: string;
let incidentNumber: string;
const cookies = { staff: "", marketing: "", dpo: "", admin: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
  for (const role of ["staff", "marketing", "admin"] as const)
    cookies[role] = await signIn((await createStaffUser(t.db, role)).email);
  const dpo = await createStaffUser(t.db, "dpo", { locale: "de" });
  cookies.dpo = await signIn(dpo.email);
  const personId = await createPerson(t.db, { firstName: "Paula", lastName: "Betroffen" });
  const created = await t.db.transaction().execute((trx) =>
    createIncident(
      trx,
      {
        title: "Laptop stolen",
        awareAt: new Date(Date.now() - 3_600_000),
        occurredAt: null,
        discoveredBy: null,
        nature: "A laptop with an offline copy was stolen.",
        dataCategories: ["contact data"],
        subjectsApprox: 120,
        recordsApprox: 400,
        personIds: [personId],
      },
      { staffUserId: dpo.id, at: new Date() },
    ),
  );
  incidentId = created.id;
  incidentNumber = created.number;
});
afterAll(async () => t?.close());

function download(cookie: string | null, query = "", id = incidentId): Promise<Response> {
  return GET(
    new Request(`http://localhost:3000/api/incidents/${id}/authority-notification${query}`, {
      headers: cookie ? { Cookie: cookie } : {},
    }),
    { params: Promise.resolve({ incidentId: id }) },
  );
}

const pdfText = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString("latin1");

describe("GET /api/incidents/[incidentId]/authority-notification (Art. 33(3))", () => {
  it("refuses anonymous callers, staff and marketing", async () => {
    expect((await download(null)).status).toBe(401);
    expect((await download(cookies.staff)).status).toBe(403);
    expect((await download(cookies.marketing)).status).toBe(403);
  });

  it("gives the DPO the PDF as a download named after the incident, in their language, audited", async () => {
    const response = await download(cookies.dpo);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="${incidentNumber}-authority.pdf"`,
    );
    const body = await pdfText(response);
    expect(body.startsWith("%PDF-")).toBe(true);
    expect(body).toContain("/Lang (de)");

    const english = await download(cookies.admin, "?lang=en");
    expect(english.status).toBe(200);
    expect(await pdfText(english)).toContain("/Lang (en)");

    const generated = await t.db
      .selectFrom("auditEvent")
      .select(["changes", "personalEnc"])
      .where("entityId", "=", incidentId)
      .where("action", "=", "incident.authority_report_generated")
      .execute();
    expect(generated.map((e) => e.changes)).toEqual(
      expect.arrayContaining([{ language: "de" }, { language: "en" }]),
    );
    expect(generated.every((e) => e.personalEnc === null)).toBe(true);
  });

  it("answers a bad language with 400 and an unknown incident with 404", async () => {
    expect((await download(cookies.dpo, "?lang=fr")).status).toBe(400);
    expect((await download(cookies.dpo, "", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await download(cookies.dpo, "", "nope")).status).toBe(404);
  });
});
