import { DomainError } from "@purposeful/domain";
import Papa from "papaparse";

/** Larger files are refused before parsing (a 50,000-row address file is about 3 MB). */
export const maxCsvBytes = 5 * 1024 * 1024;

export interface CsvTable {
  delimiter: "," | ";";
  headers: string[];
  /** Data rows with their row number in the file (the header is row 1); blank lines left out. */
  rows: { row: number; cells: string[] }[];
}

/** Which column holds what; indexes into `headers`. */
export interface ColumnMapping {
  email: number;
  firstName?: number | null;
  lastName?: number | null;
}

function countOutsideQuotes(line: string, char: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === char && !inQuotes) n++;
  }
  return n;
}

/** Comma or semicolon, whichever the header row uses more; a tab or pipe file is refused. */
function detectDelimiter(headerLine: string): "," | ";" {
  const commas = countOutsideQuotes(headerLine, ",");
  const semicolons = countOutsideQuotes(headerLine, ";");
  if (commas === 0 && semicolons === 0 && /[\t|]/.test(headerLine))
    throw new DomainError("validation", "csv_wrong_delimiter");
  return semicolons > commas ? ";" : ",";
}

/**
 * Parses an uploaded list file: a header row, then one row per address. Refuses (before anything
 * is written) a file over the limit, an empty one, and one split by neither comma nor semicolon.
 */
export function parseCsvTable(text: string): CsvTable {
  if (Buffer.byteLength(text, "utf8") > maxCsvBytes) throw new DomainError("validation", "csv_too_large");
  const clean = text.replace(/^\uFEFF/, "");
  const headerLine = clean.split(/\r?\n/).find((line) => line.trim() !== "");
  if (headerLine === undefined) throw new DomainError("validation", "csv_empty");
  const delimiter = detectDelimiter(headerLine);
  const parsed = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false });
  const all = parsed.data.map((cells, index) => ({ row: index + 1, cells }));
  const nonBlank = all.filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  const [header, ...rows] = nonBlank;
  if (!header || rows.length === 0) throw new DomainError("validation", "csv_empty");
  return { delimiter, headers: header.cells.map((cell) => cell.trim()), rows };
}

/** The column that most likely holds each field, from its header (the UI offers it as default). */
export function suggestMapping(headers: string[]): Partial<ColumnMapping> {
  const find = (pattern: RegExp) => {
    const index = headers.findIndex((header) => pattern.test(header.toLowerCase()));
    return index === -1 ? undefined : index;
  };
  return {
    email: find(/e-?mail|mail/),
    firstName: find(/^(first|vorname|given)/),
    lastName: find(/^(last|nachname|surname|family|name$)/),
  };
}

export function checkMapping(table: CsvTable, mapping: ColumnMapping): void {
  const inRange = (index: number | null | undefined) =>
    index === null ||
    index === undefined ||
    (Number.isInteger(index) && index >= 0 && index < table.headers.length);
  if (!Number.isInteger(mapping.email) || !inRange(mapping.email))
    throw new DomainError("validation", "csv_no_email_column");
  if (!inRange(mapping.firstName) || !inRange(mapping.lastName))
    throw new DomainError("validation", "csv_mapping_invalid");
}
