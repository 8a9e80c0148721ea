import { campaignLetters, type Database, deriveLinkToken, type LetterRecipient } from "@purposeful/db";
import { calendarDateAt, formatCalendarDate, type Language } from "@purposeful/domain";
import { type ConsentLetter, letterProblem, renderConsentLetters } from "../letters/render-letters.ts";
import { companyForMail, purposeTexts, salutationNameOf } from "./recipient.ts";

/** The recipient block of a window envelope: name, street, postal code and city, country abroad. */
export function addressLinesOf(person: LetterRecipient): string[] {
  const name = [person.salutation, person.title, person.firstName, person.lastName].filter(Boolean).join(" ");
  const lines = [name, person.street ?? "", [person.postalCode, person.city].filter(Boolean).join(" ")];
  if (person.country && person.country !== "DE") lines.push(person.country);
  return lines.filter((line) => line.trim() !== "");
}

/**
 * react-pdf lays a whole document out in memory (about 1.5 MB per page): a request's letters come
 * in parts of this many, each its own PDF.
 */
export const lettersPerPart = 500;

/**
 * The letters of a mass consent request as PDFs of `lettersPerPart`, one per person in their
 * language, each with the personal link (its token derived from LINK_SECRET only now, never stored)
 * as text and QR code. A letter the font cannot print faithfully (a name in another script) is left
 * out and counted rather than printed wrongly. Audited as `campaign.letters_downloaded`.
 */
export async function campaignLettersPdf(
  db: Database,
  input: {
    campaignId: string;
    /** 1-based */
    part: number;
    staffUserId: string;
    linkSecret: string;
    micrositeUrl: string;
    at: Date;
  },
): Promise<{ count: number; parts: number; unprintable: number; pdf: NodeJS.ReadableStream | null }> {
  const { campaign, letters } = await campaignLetters(db, input.campaignId, input.staffUserId, input.at, {
    offset: (input.part - 1) * lettersPerPart,
    limit: lettersPerPart,
  });
  const parts = Math.ceil(campaign.letterCount / lettersPerPart);
  if (letters.length === 0) return { count: 0, parts, unprintable: 0, pdf: null };
  const texts = new Map<Language, Awaited<ReturnType<typeof purposeTexts>>>();
  for (const language of new Set(letters.map((letter) => letter.language)))
    texts.set(language, await purposeTexts(db, campaign.askedPurposeIds, language));
  const pages: ConsentLetter[] = letters.map((person) => ({
    language: person.language,
    salutationName: salutationNameOf(person),
    addressLines: addressLinesOf(person),
    purposes: (texts.get(person.language) ?? []).map((p) => ({ name: p.name, description: p.description })),
    linkUrl: `${input.micrositeUrl}/${person.language}/p/${deriveLinkToken(input.linkSecret, person.linkId)}`,
    expiresOn: formatCalendarDate(calendarDateAt(person.expiresAt)),
  }));
  const printable = pages.filter((page) => letterProblem(page) === null);
  if (printable.length === 0) return { count: 0, parts, unprintable: pages.length, pdf: null };
  const pdf = await renderConsentLetters({
    company: await companyForMail(db),
    letters: printable,
    at: input.at,
  });
  return { count: printable.length, parts, unprintable: pages.length - printable.length, pdf };
}

const sample: Record<Language, LetterRecipient> = {
  de: {
    personId: "",
    linkId: "",
    language: "de",
    salutation: "Frau",
    title: null,
    firstName: "Erika",
    lastName: "Mustermann",
    street: "Heidestraße 17",
    postalCode: "51147",
    city: "Köln",
    country: "DE",
    expiresAt: new Date(0),
  },
  en: {
    personId: "",
    linkId: "",
    language: "en",
    salutation: null,
    title: null,
    firstName: "Jane",
    lastName: "Doe",
    street: "Hauptstraße 1",
    postalCode: "10115",
    city: "Berlin",
    country: "DE",
    expiresAt: new Date(0),
  },
};

/** One sample letter per language for the chosen purposes, before sending (no working link). */
export async function previewCampaignLetter(
  db: Database,
  input: { purposeIds: string[]; micrositeUrl: string; at: Date; expiresOn: string },
): Promise<NodeJS.ReadableStream> {
  const pages: ConsentLetter[] = [];
  for (const language of ["de", "en"] as const) {
    const person = sample[language];
    pages.push({
      language,
      salutationName: salutationNameOf(person),
      addressLines: addressLinesOf(person),
      purposes: (await purposeTexts(db, input.purposeIds, language)).map((p) => ({
        name: p.name,
        description: p.description,
      })),
      linkUrl: `${input.micrositeUrl}/${language}/p/PREVIEW`,
      expiresOn: input.expiresOn,
    });
  }
  return renderConsentLetters({ company: await companyForMail(db), letters: pages, at: input.at });
}
