import { createPurposeEntry, updateCompanySettings } from "@purposeful/db";
import { demoCompany } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffUser, signIn, useTestDatabase } from "../../../../testing/signed-in";
import { GET } from "./route";

/** The Art. 30 register download as a DPO gets it: every point of Art. 30(1), in CSV and JSON. */
const at = new Date("2026-12-02T09:00:00Z");
let t: TestDatabase;
let dpoCookie: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
  const dpo = await createStaffUser(t.db, "dpo");
  dpoCookie = await signIn(dpo.email);
  await t.db.transaction().execute(async (trx) => {
    await updateCompanySettings(trx, demoCompany, { staffUserId: dpo.id, at });
    await createPurposeEntry(
      trx,
      {
        key: "crm_scoring",
        texts: {
          de: { name: "Kundenbewertung", description: "Wir bewerten Ihr Kaufverhalten." },
          en: { name: "Customer scoring", description: "We score your purchases." },
        },
        defaultLegalBasis: "consent",
        channels: ["email"],
        doubleOptIn: true,
        retentionPeriod: "P2Y",
        dataCategories: ["contact data", "purchases"],
        recipients: ["CRM Cloud Inc."],
        active: true,
        dataSubjectCategories: ["customers", "prospects"],
        thirdCountryTransfers: [
          { country: "US", recipient: "CRM Cloud Inc.", safeguard: "standard_contractual_clauses" },
        ],
        profiling: true,
      },
      { type: "staff", id: dpo.id },
      at,
    );
  });
});
afterAll(async () => t?.close());

function download(query: string): Promise<Response> {
  return GET(
    new Request(`http://localhost:3000/api/purposes/register?${query}`, { headers: { Cookie: dpoCookie } }),
  );
}

describe("Art. 30 register download (issue 10)", () => {
  it("JSON: the controller, DPO, authority and measures above the purposes with their new facts", async () => {
    const response = await download("format=json&lang=en");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      language: "en",
      controller: {
        name: demoCompany.name,
        address: demoCompany.address,
        email: demoCompany.controllerEmail,
        phone: demoCompany.controllerPhone,
      },
      dpo: {
        name: demoCompany.dpoName,
        email: demoCompany.dpoEmail,
        address: demoCompany.dpoAddress,
        phone: demoCompany.dpoPhone,
      },
      authority: { name: demoCompany.authorityName, url: demoCompany.authorityUrl },
      technicalMeasures: demoCompany.technicalMeasures,
    });
    expect(body.purposes).toEqual([
      expect.objectContaining({
        key: "crm_scoring",
        name: "Customer scoring",
        profiling: true,
        dataSubjectCategories: ["customers", "prospects"],
        dataCategories: ["contact data", "purchases"],
        recipients: ["CRM Cloud Inc."],
        thirdCountryTransfers: [
          {
            country: "US",
            recipient: "CRM Cloud Inc.",
            safeguard: "standard_contractual_clauses",
            safeguardArticle: "Art. 46(2)(c)",
          },
        ],
        retentionPeriod: "P2Y",
      }),
    ]);
  });

  it("CSV: the header facts as leading label/value rows, then one row per purpose with the new columns", async () => {
    const response = await download("format=csv&lang=de");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const rows = Papa.parse<string[]>(text).data;
    const value = (label: string) => rows.find((row) => row[0] === label)?.[1];
    expect(rows[0]?.[0]).toBe("Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)");
    expect(value("Verantwortlicher (lit. a) – Name")).toBe(demoCompany.name);
    expect(value("Verantwortlicher – E-Mail")).toBe(demoCompany.controllerEmail);
    // A leading + would start a formula in a spreadsheet: neutralised like every other cell.
    expect(value("Verantwortlicher – Telefon")).toBe(`'${demoCompany.controllerPhone}`);
    expect(value("Datenschutzbeauftragte(r) (lit. a) – Name")).toBe(demoCompany.dpoName);
    expect(value("Datenschutzbeauftragte(r) – Anschrift")).toBe(demoCompany.dpoAddress);
    expect(value("Zuständige Aufsichtsbehörde (Art. 77)")).toBe(demoCompany.authorityName);
    expect(value("Technische und organisatorische Maßnahmen (lit. g, Art. 32)")).toBe(
      demoCompany.technicalMeasures,
    );

    const headerIndex = rows.findIndex((row) => row[0] === "Schlüssel");
    expect(rows[headerIndex - 1]?.[0]).toBe("Verarbeitungstätigkeiten (lit. b–f), eine Zeile je Zweck");
    const header = rows[headerIndex]!;
    const purpose = Object.fromEntries(header.map((column, i) => [column, rows[headerIndex + 1]?.[i]]));
    expect(purpose).toMatchObject({
      Schlüssel: "crm_scoring",
      Zweck: "Kundenbewertung",
      "Profiling / automatisierte Entscheidung": "Ja",
      "Kategorien betroffener Personen": "customers; prospects",
      Datenkategorien: "contact data; purchases",
      Empfänger: "CRM Cloud Inc.",
      "Übermittlungen in Drittländer (Art. 44–49)":
        "Vereinigte Staaten (US): CRM Cloud Inc. – Standardvertragsklauseln (Art. 46(2)(c))",
      Speicherdauer: "P2Y",
    });
  });
});
