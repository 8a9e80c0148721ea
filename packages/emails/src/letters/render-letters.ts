import { addDays, calendarDateAt, formatCalendarDate, type Language } from "@purposeful/domain";
import type { CompanySettings } from "../components/layout.tsx";
import {
  previewLetterRecipient,
  previewLetterToken,
  previewMicrositeUrl,
  previewPurposes,
} from "../emails/preview-data.ts";
import { foldToWinAnsi } from "./win-ansi.ts";

/** One printed consent request: the person's address, language, purposes and personal link. */
export interface ConsentLetter {
  language: Language;
  salutationName: string;
  /** The recipient's name and postal address, one line each, already formatted (at most six). */
  addressLines: string[];
  purposes: Array<{ name: string; description: string }>;
  /** The full personal microsite URL, token included. */
  linkUrl: string;
  /** YYYY-MM-DD: the last day the personal link works. */
  expiresOn: string;
}

export interface ConsentLettersInput {
  company: CompanySettings;
  letters: ConsentLetter[];
  /** The date printed on every letter (the day it is in the controller's time zone). */
  at: Date;
}

/** DIN 5008 form B: the address zone of the window has room for six lines. */
export const maxAddressLines = 6;

/** Why a letter cannot go out as given, or null. A wrong address or name is worse than no letter. */
export function letterProblem(letter: ConsentLetter): string | null {
  if (letter.addressLines.length === 0) return "has no address";
  if (letter.addressLines.length > maxAddressLines) {
    return `has ${letter.addressLines.length} address lines, the window holds ${maxAddressLines}`;
  }
  if (letter.purposes.length === 0) return "asks for no purpose";
  const { unprintable } = foldToWinAnsi([letter.salutationName, ...letter.addressLines].join("\n"));
  if (unprintable.length > 0) return `has characters the letter font cannot print: ${unprintable.join(" ")}`;
  return null;
}

function checkLetter(letter: ConsentLetter, index: number): void {
  const problem = letterProblem(letter);
  if (problem) throw new RangeError(`Consent letter ${index + 1} (${letter.addressLines[0]}) ${problem}`);
}

/**
 * All letters as one PDF, one letter per person, each starting on a new sheet (a letter with many
 * purposes continues on a second one). react-pdf lays the whole document out in memory before the
 * stream starts; the stream spares the caller a second copy as one buffer.
 */
export async function renderConsentLetters(input: ConsentLettersInput): Promise<NodeJS.ReadableStream> {
  input.letters.forEach(checkLetter);
  // react-pdf takes half a second and ~50 MB to load: only a process that prints letters pays for it.
  const { renderLetterDocument } = await import("./letter-document.tsx");
  return renderLetterDocument(input);
}

export async function renderConsentLettersToBuffer(input: ConsentLettersInput): Promise<Buffer> {
  const stream = await renderConsentLetters(input);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const previewLinkDays = 30;

/** One sample letter with the company's real letterhead, for staff to check before a mass send. */
export function previewConsentLetter(
  company: CompanySettings,
  language: Language,
  options: { at?: Date; micrositeUrl?: string } = {},
): Promise<Buffer> {
  const micrositeUrl = options.micrositeUrl ?? previewMicrositeUrl;
  const at = options.at ?? new Date();
  return renderConsentLettersToBuffer({
    company,
    at,
    letters: [
      {
        language,
        ...previewLetterRecipient[language],
        purposes: previewPurposes[language],
        linkUrl: `${micrositeUrl}/${language}/p/${previewLetterToken}`,
        expiresOn: formatCalendarDate(addDays(calendarDateAt(at), previewLinkDays)),
      },
    ],
  });
}
