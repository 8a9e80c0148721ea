import { calendarDateAt, controllerTimeZone, formatCalendarDate, type Language } from "@purposeful/domain";
import { strToU8, zipSync } from "fflate";
import Papa from "papaparse";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { type CompanySettings, getCompanySettings } from "../repositories/settings.ts";
import {
  loadPortableData,
  type PortableData,
  type PortableRecord,
  type PortableSubject,
} from "./portability.ts";
import { portabilityJsonSchema, portabilitySchemaVersion } from "./portability-schema.ts";
import { type PortabilityCsvFile, portabilityCsvFiles, portabilityTexts } from "./portability-texts.ts";

/** `export.json` of the portability ZIP, as `portabilityJsonSchema` describes it. */
export interface PortabilityExport {
  schemaVersion: typeof portabilitySchemaVersion;
  exportedAt: string;
  language: Language;
  controller: {
    name: string;
    address: string;
    email: string;
    phone: string;
    dpoName: string;
    dpoEmail: string;
  };
  scope: { applies: boolean; article: string; note: string };
  subject: PortableSubject | null;
  records: PortableRecord[];
}

export function buildPortabilityExport(
  data: PortableData,
  company: CompanySettings,
  exportedAt: Date,
): PortabilityExport {
  const texts = portabilityTexts[data.language];
  return {
    schemaVersion: portabilitySchemaVersion,
    exportedAt: exportedAt.toISOString(),
    language: data.language,
    controller: {
      name: company.name,
      address: company.address,
      email: company.controllerEmail || company.privacyContact,
      phone: company.controllerPhone,
      dpoName: company.dpoName,
      dpoEmail: company.dpoEmail,
    },
    scope: {
      applies: data.applies,
      article: "Art. 20(1)(a) GDPR",
      note: data.applies ? texts.covered : texts.notCovered,
    },
    subject: data.subject,
    records: data.records,
  };
}

type Cell = string | number | boolean | null;

function csv(fields: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const data = rows.map((row) => fields.map((field) => (row[field] === null ? "" : String(row[field]))));
  // The byte-order mark lets spreadsheet programs read umlauts; formulae are neutralised.
  return `\uFEFF${Papa.unparse({ fields: [...fields], data }, { escapeFormulae: true })}`;
}

const keysOf = (definition: { properties: object }) => Object.keys(definition.properties);

/** One table per CSV file, its columns named like the schema's properties. */
function csvTables(exported: PortabilityExport): Record<PortabilityCsvFile, string> {
  const defs = portabilityJsonSchema.$defs;
  const subject = exported.subject;
  const personFields = keysOf(defs.subject).filter(
    (key) => !["emails", "phones", "addresses", "bankAccounts"].includes(key),
  );
  return {
    "person.csv": csv(personFields, subject ? [subject as unknown as Record<string, Cell>] : []),
    "emails.csv": csv(keysOf(defs.email), subject?.emails ?? []),
    "phones.csv": csv(keysOf(defs.phone), subject?.phones ?? []),
    "addresses.csv": csv(keysOf(defs.address), subject?.addresses ?? []),
    "bank-accounts.csv": csv(keysOf(defs.bankAccount), subject?.bankAccounts ?? []),
    "consents.csv": csv(keysOf(defs.record), exported.records as unknown as Record<string, Cell>[]),
  };
}

function readme(exported: PortabilityExport, contact: string): string {
  const texts = portabilityTexts[exported.language];
  const day = formatCalendarDate(calendarDateAt(new Date(exported.exportedAt), controllerTimeZone));
  const lines = [
    texts.title,
    "",
    texts.controller(exported.controller.name),
    texts.exportedAt(day),
    "",
    texts.intro,
    "",
    exported.scope.note,
    "",
    `${texts.filesHeading}:`,
    `- ${texts.exportJson}`,
    `- ${texts.schemaJson}`,
    ...portabilityCsvFiles.map((file) => `- ${texts.csv[file]}`),
    "",
    texts.csvFormat,
    ...(contact ? ["", texts.questions(contact)] : []),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** The ZIP: README.txt, export.json, schema.json and one CSV per table, all UTF-8. */
export function buildPortabilityArchive(
  exported: PortabilityExport,
  contact: string,
): Uint8Array<ArrayBuffer> {
  const mtime = new Date(exported.exportedAt);
  const entries: Record<string, Uint8Array> = {
    "README.txt": strToU8(readme(exported, contact)),
    "export.json": strToU8(`${JSON.stringify(exported, null, 2)}\n`),
    "schema.json": strToU8(`${JSON.stringify(portabilityJsonSchema, null, 2)}\n`),
  };
  for (const [file, text] of Object.entries(csvTables(exported))) entries[file] = strToU8(text);
  // fflate allocates a plain ArrayBuffer (never a shared one), which a Response body needs.
  return zipSync(entries, { level: 6, mtime }) as Uint8Array<ArrayBuffer>;
}

/** No name in the file name: it ends up in download folders, mail attachments and proxy logs. */
export function portabilityFileName(personId: string, at: Date): string {
  const day = formatCalendarDate(calendarDateAt(at, controllerTimeZone));
  return `art20-export-${personId.slice(0, 8)}-${day}.zip`;
}

/**
 * The portability export of one person (Art. 20 GDPR) as a ZIP, audited as
 * `person.portability_exported` in one transaction with the reading (no personal data in the event:
 * the language, the schema version and how many records went out). `actor` is the DPO or admin in
 * the portal, or the person themselves in the microsite. DomainError person_not_found.
 */
export async function exportPortableData(
  db: Database,
  input: { personId: string; language?: Language; actor: Actor; at: Date; via: "portal" | "microsite" },
): Promise<{ fileName: string; archive: Uint8Array<ArrayBuffer> }> {
  return db.transaction().execute(async (trx) => {
    const [data, company] = await Promise.all([
      loadPortableData(trx, input.personId, input.language),
      getCompanySettings(trx),
    ]);
    const exported = buildPortabilityExport(data, company, input.at);
    const archive = buildPortabilityArchive(exported, company.privacyContact || exported.controller.email);
    await recordAudit(trx, {
      actor: input.actor,
      action: "person.portability_exported",
      entityType: "person",
      entityId: input.personId,
      personId: input.personId,
      changes: {
        via: input.via,
        language: data.language,
        schemaVersion: portabilitySchemaVersion,
        applies: data.applies,
        records: data.records.length,
      },
      at: input.at,
    });
    return { fileName: portabilityFileName(input.personId, input.at), archive };
  });
}
