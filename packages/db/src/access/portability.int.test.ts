import {
  isPortableBasis,
  type Language,
  languages,
  legalBases,
  recordSources,
  recordStates,
} from "@purposeful/domain";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../audit/read-audit.ts";
import {
  type Catalogue,
  createErasureCatalogue,
  createFullPerson,
  original,
} from "../erasure/erasure-fixture.ts";
import { updateCompanySettings } from "../repositories/settings.ts";
import { demoCompany } from "../seed/demo-company.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { loadPortableData } from "./portability.ts";
import { exportPortableData, type PortabilityExport } from "./portability-export.ts";
import { portabilityJsonSchema } from "./portability-schema.ts";

// Art. 20 GDPR: the data the person provided, processed on consent or contract, as JSON and CSV.
const at = new Date("2026-12-02T10:00:00Z");
let t: TestDatabase;
let c: Catalogue;
const ids = { full: "", other: "", noPortable: "", surveys: "" };
const otherValues = [
  "Ottilie",
  "Nebenperson",
  "ottilie@example.com",
  "+49 40 999888",
  "DE75512108001245126199",
];

beforeAll(async () => {
  t = await createTestDatabase();
  c = await createErasureCatalogue(t.db);
  // newsletter, phone offers: consent; catalogue: legitimate interests; delivery: contract; bookkeeping: legal obligation
  ids.full = (await createFullPerson(t.db, c)).personId;
  ids.surveys = await createPurpose(t.db, {
    key: "surveys",
    texts: {
      de: { name: "Umfragen", description: "Wir fragen Sie nach Ihrer Meinung." },
      en: { name: "Surveys", description: "We ask for your opinion." },
    },
  });
  await createRecord(t.db, {
    personId: ids.full,
    purposeId: ids.surveys,
    state: "withdrawn",
    source: "microsite",
    at: new Date("2026-10-01T08:00:00Z"),
  });

  ids.other = await createPerson(t.db, {
    firstName: "Ottilie",
    lastName: "Nebenperson",
    emails: ["ottilie@example.com"],
  });
  await t.db
    .insertInto("personPhone")
    .values({ personId: ids.other, kind: "mobile", number: "+49 40 999888" })
    .execute();
  await t.db
    .insertInto("bankAccount")
    .values({ personId: ids.other, iban: "DE75512108001245126199", accountHolder: "Ottilie Nebenperson" })
    .execute();
  await createRecord(t.db, { personId: ids.other, purposeId: c.newsletter, state: "granted" });

  ids.noPortable = await createPerson(t.db, {
    firstName: "Lena",
    lastName: "Legitim",
    emails: ["lena@example.com"],
    preferredLanguage: "en",
  });
  await createRecord(t.db, {
    personId: ids.noPortable,
    purposeId: c.catalogue,
    legalBasis: "legitimate_interests",
    state: "active",
  });
  await createRecord(t.db, {
    personId: ids.noPortable,
    purposeId: c.bookkeeping,
    legalBasis: "legal_obligation",
    state: "active",
  });

  await updateCompanySettings(t.db, demoCompany, { staffUserId: "staff-dpo", at });
});
afterAll(async () => t?.close());

async function exportOf(personId: string, language?: Language) {
  const { fileName, archive } = await exportPortableData(t.db, {
    personId,
    ...(language ? { language } : {}),
    actor: { type: "staff", id: "staff-dpo" },
    at,
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

describe("portability export (Art. 20)", () => {
  it("holds the consent and contract records only, with the provided master and contact data", async () => {
    const { json } = await exportOf(ids.full, "en");
    expect(json.scope.applies).toBe(true);
    expect(json.records.map((r) => [r.purposeKey, r.legalBasis, r.state, r.source])).toEqual([
      ["delivery", "contract", "active", "letter"],
      ["newsletter", "consent", "granted", "letter"],
      ["phone_offers", "consent", "granted", "letter"],
      ["surveys", "consent", "withdrawn", "microsite"],
    ]);
    expect(json.records.every((r) => isPortableBasis(r.legalBasis))).toBe(true);
    expect(json.records.find((r) => r.purposeKey === "surveys")).toMatchObject({
      purposeName: "Surveys",
      legalBasisArticle: "Art. 6(1)(a)",
      withdrawnAt: "2026-10-01T08:00:00.000Z",
    });
    expect(json.subject).toMatchObject({
      firstName: original.firstName,
      lastName: original.lastName,
      salutation: "Frau",
      title: original.title,
      birthday: original.birthday,
      jobTitle: original.jobTitle,
      preferredLanguage: "de",
      emails: [
        { address: original.primaryEmail, kind: "private", isPrimary: true },
        { address: original.secondaryEmail, kind: "private", isPrimary: false },
      ],
      phones: [{ number: original.phone, kind: "mobile", isPrimary: false }],
      addresses: [{ street: original.street, city: original.city, postalCode: "06484", country: "DE" }],
    });
    // Inserted in one statement, so in no particular order.
    expect(json.subject?.bankAccounts.map((a) => a.iban).sort()).toEqual(
      [original.iban, original.heldIban].sort(),
    );
    expect(json.controller).toMatchObject({ name: demoCompany.name, dpoEmail: demoCompany.dpoEmail });
  });

  it("leaves out internal data: activities, notes, documents, evidence, audit, relationships", async () => {
    const { files } = await exportOf(ids.full);
    const everything = Object.values(files).join("\n");
    for (const internal of [
      original.activitySubject,
      original.activityBody,
      original.recordNote,
      original.relationshipNote,
      original.documentName,
      original.evidenceDescription,
      original.mailSubject,
      "Xavi", // an earlier first name, only in the audit trail
      "Hangar Holding GmbH",
    ])
      expect(everything).not.toContain(internal);
  });

  it("never contains another person's data", async () => {
    const { files } = await exportOf(ids.full);
    const everything = Object.values(files).join("\n");
    for (const value of otherValues) expect(everything).not.toContain(value);
    const other = Object.values((await exportOf(ids.other)).files).join("\n");
    expect(other).toContain("ottilie@example.com");
    expect(other).not.toContain(original.primaryEmail);
    expect(other).not.toContain(original.lastName);
  });

  it("leaves out a bank account kept only under a legal hold after an erasure (Art. 17(3)(b))", async () => {
    const heldIban = "DE44500105175407324931";
    await t.db
      .insertInto("bankAccount")
      .values({ personId: ids.other, iban: heldIban, accountHolder: "O. N.", heldUntil: "2034-12-31" })
      .execute();
    const { json } = await exportOf(ids.other);
    expect(json.subject?.bankAccounts.map((account) => account.iban)).toEqual(["DE75512108001245126199"]);
  });

  it("says why it is empty when nothing rests on consent or contract", async () => {
    const { json, table, files } = await exportOf(ids.noPortable);
    expect(json).toMatchObject({ language: "en", subject: null, records: [], scope: { applies: false } });
    expect(json.scope.note).toContain("Art. 20(1)(a)");
    expect(files["README.txt"]).toContain(json.scope.note);
    expect(Object.values(files).join("\n")).not.toContain("lena@example.com");
    expect(table("person.csv").data).toEqual([]);
    expect(table("consents.csv").meta.fields).toContain("purposeKey");
  });

  it("ships export.json valid against schema.json, the CSVs with the same data, and a README", async () => {
    const { fileName, files, json, table } = await exportOf(ids.full, "de");
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        "addresses.csv",
        "bank-accounts.csv",
        "consents.csv",
        "emails.csv",
        "export.json",
        "person.csv",
        "phones.csv",
        "schema.json",
      ].sort(),
    );
    expect(fileName).toBe(`art20-export-${ids.full.slice(0, 8)}-2026-12-02.zip`);
    expect(fileName).not.toMatch(new RegExp(original.lastName, "i"));
    const schema = JSON.parse(files["schema.json"]!);
    expect(schema).toEqual(JSON.parse(JSON.stringify(portabilityJsonSchema)));
    expect(validate(schema, json)).toEqual([]);
    expect(validate(schema, (await exportOf(ids.noPortable)).json)).toEqual([]);
    // The checker is not vacuous: a missing key and a non-portable basis are caught.
    const { subject: _, ...noSubject } = json;
    expect(validate(schema, noSubject)).toContain("$: missing subject");
    expect(
      validate(schema, { ...json, records: [{ ...json.records[0], legalBasis: "legitimate_interests" }] }),
    ).toEqual(["$.records[0].legalBasis: not one of consent, contract"]);
    // The schema's lists are the domain's own.
    expect(schema.$defs.record.properties.legalBasis.enum).toEqual(legalBases.filter(isPortableBasis));
    expect(schema.$defs.record.properties.state.enum).toEqual([...recordStates]);
    expect(schema.$defs.record.properties.source.enum).toEqual([...recordSources]);
    expect(schema.properties.language.enum).toEqual([...languages]);

    expect(table("person.csv").data).toEqual([
      {
        salutation: "Frau",
        title: original.title,
        firstName: original.firstName,
        lastName: original.lastName,
        birthday: original.birthday,
        jobTitle: original.jobTitle,
        preferredLanguage: "de",
      },
    ]);
    expect(table("emails.csv").data.map((row) => row.address)).toEqual([
      original.primaryEmail,
      original.secondaryEmail,
    ]);
    // A leading + would start a formula in a spreadsheet: neutralised.
    expect(table("phones.csv").data[0]?.number).toBe(`'${original.phone}`);
    expect(
      table("consents.csv").data.map((row) => [row.purposeKey, row.legalBasis, row.purposeName]),
    ).toEqual([
      ["delivery", "contract", "Zweck delivery"],
      ["newsletter", "consent", "Zweck newsletter"],
      ["phone_offers", "consent", "Zweck phone_offers"],
      ["surveys", "consent", "Umfragen"],
    ]);
    expect(files["README.txt"]).toContain("Recht auf Datenübertragbarkeit (Art. 20 DSGVO)");
    expect(files["README.txt"]).toContain("consents.csv");
  });

  it("is audited without personal data", async () => {
    await exportOf(ids.full);
    const [event] = (await listAuditEvents(t.db, { action: "person.portability_exported", limit: 1 })).rows;
    expect(event).toMatchObject({
      actorType: "staff",
      actorId: "staff-dpo",
      entityType: "person",
      entityId: ids.full,
      personId: ids.full,
      personal: null,
      changes: { via: "portal", language: "de", schemaVersion: "1.0", applies: true, records: 4 },
    });
  });

  it("refuses an unknown or malformed person id", async () => {
    await expect(loadPortableData(t.db, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      reason: "person_not_found",
    });
    await expect(loadPortableData(t.db, "x")).rejects.toMatchObject({ reason: "person_not_found" });
  });
});

type Schema = Record<string, unknown>;
const annotations = new Set(["$schema", "$id", "$defs", "title", "description"]);
const checked = new Set([
  "type",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "format",
  "$ref",
  "oneOf",
]);

/**
 * A checker for the JSON Schema keywords the export's schema uses (no validator library is a
 * dependency here); it fails on any keyword it does not know, so it never passes by ignoring one.
 */
function validate(root: Schema, value: unknown, schema: Schema = root, path = "$"): string[] {
  const errors: string[] = [];
  for (const keyword of Object.keys(schema))
    if (!annotations.has(keyword) && !checked.has(keyword))
      errors.push(`${path}: unknown keyword ${keyword}`);
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/$defs/", "");
    errors.push(...validate(root, value, (root.$defs as Record<string, Schema>)[name]!, path));
  }
  if (schema.oneOf) {
    const matching = (schema.oneOf as Schema[]).filter(
      (option) => validate(root, value, option, path).length === 0,
    );
    if (matching.length !== 1) errors.push(`${path}: matches ${matching.length} of oneOf`);
  }
  if (schema.type) {
    const types = [schema.type].flat() as string[];
    const actual =
      value === null
        ? "null"
        : Array.isArray(value)
          ? "array"
          : Number.isInteger(value)
            ? "integer"
            : typeof value;
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number")))
      return [...errors, `${path}: ${actual} is not ${types.join("|")}`];
  }
  if ("const" in schema && value !== schema.const) errors.push(`${path}: not ${String(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    errors.push(`${path}: not one of ${(schema.enum as unknown[]).join(", ")}`);
  if (schema.format === "date-time" && typeof value === "string" && Number.isNaN(Date.parse(value)))
    errors.push(`${path}: not a date-time`);
  if (schema.format === "date" && typeof value === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    errors.push(`${path}: not a date`);
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? [])
      if (!(key in object)) errors.push(`${path}: missing ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(root, item, properties[key], `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected ${key}`);
    }
  }
  if (Array.isArray(value) && schema.items)
    for (const [i, item] of value.entries())
      errors.push(...validate(root, item, schema.items as Schema, `${path}[${i}]`));
  return errors;
}
