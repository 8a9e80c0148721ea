import { isPortableBasis, languages, legalBases, recordSources, recordStates } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../audit/read-audit.ts";
import { original } from "../erasure/erasure-fixture.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { loadPortableData } from "./portability.ts";
import { createPortabilityPersons, exportOf as exportFrom } from "./portability-fixture.ts";
import { portabilityJsonSchema } from "./portability-schema.ts";

let t: TestDatabase;
let ids: Awaited<ReturnType<typeof createPortabilityPersons>>["ids"];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ ids } = await createPortabilityPersons(t.db));
});
afterAll(async () => t?.close());

const exportOf = (personId: string, language?: Parameters<typeof exportFrom>[2]) =>
  exportFrom(t.db, personId, language);

describe("portability export (Art. 20): the files", () => {
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
