import type { Language } from "@purposeful/domain";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { expect } from "vitest";
import type { Database } from "../create-database.ts";
import { type Catalogue, createErasureCatalogue, createFullPerson } from "../erasure/erasure-fixture.ts";
import { updateCompanySettings } from "../repositories/settings.ts";
import { demoCompany } from "../seed/demo-company.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { exportPortableData, type PortabilityExport } from "./portability-export.ts";

// Art. 20 GDPR: the data the person provided, processed on consent or contract, as JSON and CSV.
// The persons the portability tests export: one with everything, another whose data must never
// appear in the first's export, and one with nothing on consent or contract.
export const portabilityAt = new Date("2026-12-02T10:00:00Z");
export const otherValues = [
  "Ottilie",
  "Nebenperson",
  "ottilie@example.com",
  "+49 40 999888",
  "DE75512108001245126199",
];

export async function createPortabilityPersons(db: Database): Promise<{
  c: Catalogue;
  ids: { full: string; other: string; noPortable: string; surveys: string };
}> {
  const at = portabilityAt;
  const c = await createErasureCatalogue(db);
  const ids = { full: "", other: "", noPortable: "", surveys: "" };
  // newsletter, phone offers: consent; catalogue: legitimate interests; delivery: contract; bookkeeping: legal obligation
  ids.full = (await createFullPerson(db, c)).personId;
  ids.surveys = await createPurpose(db, {
    key: "surveys",
    texts: {
      de: { name: "Umfragen", description: "Wir fragen Sie nach Ihrer Meinung." },
      en: { name: "Surveys", description: "We ask for your opinion." },
    },
  });
  await createRecord(db, {
    personId: ids.full,
    purposeId: ids.surveys,
    state: "withdrawn",
    source: "microsite",
    at: new Date("2026-10-01T08:00:00Z"),
  });

  ids.other = await createPerson(db, {
    firstName: "Ottilie",
    lastName: "Nebenperson",
    emails: ["ottilie@example.com"],
  });
  await db
    .insertInto("personPhone")
    .values({ personId: ids.other, kind: "mobile", number: "+49 40 999888" })
    .execute();
  await db
    .insertInto("bankAccount")
    .values({ personId: ids.other, iban: "DE75512108001245126199", accountHolder: "Ottilie Nebenperson" })
    .execute();
  await createRecord(db, { personId: ids.other, purposeId: c.newsletter, state: "granted" });

  ids.noPortable = await createPerson(db, {
    firstName: "Lena",
    lastName: "Legitim",
    emails: ["lena@example.com"],
    preferredLanguage: "en",
  });
  await createRecord(db, {
    personId: ids.noPortable,
    purposeId: c.catalogue,
    legalBasis: "legitimate_interests",
    state: "active",
  });
  await createRecord(db, {
    personId: ids.noPortable,
    purposeId: c.bookkeeping,
    legalBasis: "legal_obligation",
    state: "active",
  });

  await updateCompanySettings(db, demoCompany, { staffUserId: "staff-dpo", at });
  return { c, ids };
}

/** The person's export as the DPO downloads it, unpacked: files, export.json, and CSV tables checked for a BOM. */
export async function exportOf(db: Database, personId: string, language?: Language) {
  const { fileName, archive } = await exportPortableData(db, {
    personId,
    ...(language ? { language } : {}),
    actor: { type: "staff", id: "staff-dpo" },
    at: portabilityAt,
    via: "portal",
  });
  const entries = unzipSync(archive);
  // TextDecoder (strFromU8) drops a byte-order mark: the text is read without it.
  const files = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const json = JSON.parse(files["export.json"]!) as PortabilityExport;
  const table = (name: string) => {
    expect([...entries[name]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for spreadsheets
    return Papa.parse<Record<string, string>>(files[name]!, { header: true, skipEmptyLines: true });
  };
  return { fileName, files, json, table };
}
