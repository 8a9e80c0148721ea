import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { previewCompany, previewPurposes } from "../emails/preview-data.ts";
import { type PdfImage, readPdf } from "./read-pdf.ts";
import {
  type ConsentLetter,
  previewConsentLetter,
  renderConsentLetters,
  renderConsentLettersToBuffer,
} from "./render-letters.ts";

const micrositeUrl = "https://einwilligung.muster-maschinenbau.example";
// 23:30 UTC on 30 November is 1 December in Berlin: the letter date is the controller's day.
const at = new Date("2026-11-30T23:30:00Z");

const letter = (
  language: ConsentLetter["language"],
  name: string,
  token: string,
  overrides: Partial<ConsentLetter> = {},
): ConsentLetter => ({
  language,
  salutationName: language === "de" ? `Herr ${name}` : `Mr ${name}`,
  addressLines: [`${language === "de" ? "Herrn" : "Mr"} Max ${name}`, "Große Elbstraße 7", "22767 Hamburg"],
  purposes: previewPurposes[language],
  linkUrl: `${micrositeUrl}/${language}/p/${token.padEnd(43, "x")}`,
  expiresOn: "2026-12-31",
  ...overrides,
});

const letters = [
  letter("de", "Schröder", "TOKEN-ONE"),
  letter("en", "Whitfield", "TOKEN-TWO"),
  letter("de", "Weiß", "TOKEN-THREE"),
];

// Text is compared without white space: react-pdf breaks lines where it likes.
const squeeze = (text: string) => text.replace(/\s+/g, "");

/** The QR code's modules as the image shows them, sampled at each module's centre. */
function modulesShown(image: PdfImage, size: number): boolean[] {
  const channels = image.colorSpace === "DeviceRGB" ? 3 : 1;
  const dark = (x: number, y: number) => image.pixels[(y * image.width + x) * channels]! < 128;
  // The finder patterns sit in three corners, so the dark pixels span exactly the symbol.
  let first = image.width;
  let last = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (dark(x, y)) [first, last] = [Math.min(first, x), Math.max(last, x)];
    }
  }
  const moduleWidth = (last - first + 1) / size;
  const centre = (index: number) => Math.floor(first + (index + 0.5) * moduleWidth);
  return Array.from({ length: size * size }, (_, i) => dark(centre(i % size), centre(Math.floor(i / size))));
}

function expectQrCodeOf(image: PdfImage | undefined, url: string): void {
  const expected = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
  expect(image).toBeDefined();
  expect(modulesShown(image!, expected.size)).toEqual(Array.from(expected.data, (bit) => bit === 1));
}

describe("renderConsentLetters", () => {
  it("prints one page per person with their address, purposes, link and QR code in their language", async () => {
    const pdf = await renderConsentLettersToBuffer({ company: previewCompany, letters, at });

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(3);
    const pages = readPdf(pdf);
    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      const person = letters[index]!;
      const text = squeeze(page.text);
      const expected = [
        ...person.addressLines,
        person.language === "de" ? `Guten Tag ${person.salutationName},` : `Hello ${person.salutationName},`,
        person.language === "de"
          ? "Deshalb fragen wir Sie – für jeden Zweck einzeln."
          : "That is why we are asking you – separately for each purpose.",
        person.linkUrl,
        ...person.purposes.flatMap((purpose) => [purpose.name, purpose.description]),
        person.language === "de" ? "01.12.2026" : "1 December 2026",
        person.language === "de" ? "gilt bis zum 31.12.2026" : "works until 31 December 2026",
        person.language === "de" ? "Freundliche Grüße" : "Kind regards",
        previewCompany.name,
        "Hafenstraße 12",
        previewCompany.privacyContact,
      ];
      for (const line of expected) expect(text).toContain(squeeze(line));
      for (const other of letters.filter((_, i) => i !== index)) expect(text).not.toContain(other.linkUrl);
      expect(page.images).toHaveLength(1);
      expectQrCodeOf(page.images[0], person.linkUrl);
    });
  });

  it("continues a letter with many purposes on a numbered second sheet", async () => {
    const purposes = Array.from({ length: 9 }, (_, i) => ({
      name: `Zweck ${i + 1}`,
      description: previewPurposes.de[i % 2]!.description.repeat(2),
    }));
    const pdf = await renderConsentLettersToBuffer({
      company: previewCompany,
      letters: [letter("de", "Schröder", "LONG", { purposes }), letter("en", "Whitfield", "SHORT")],
      at,
    });

    const pages = readPdf(pdf);
    expect(pages).toHaveLength(3);
    expect(squeeze(pages[0]!.text)).toContain("Seite1von2");
    expect(squeeze(pages[1]!.text)).toContain("Seite2von2");
    expect(squeeze(pages[1]!.text)).toContain("Zweck9");
    expect(squeeze(pages[2]!.text)).not.toMatch(/Page\d/);
    expect(squeeze(pages[2]!.text)).toContain("MrWhitfield");
  });

  it("refuses an address that does not fit the envelope window", async () => {
    const addressLines = [
      "Max Schröder",
      "c/o A",
      "c/o B",
      "Abteilung C",
      "Postfach 1",
      "Straße 2",
      "12345 Ort",
    ];
    await expect(
      renderConsentLetters({
        company: previewCompany,
        letters: [letter("de", "X", "T", { addressLines })],
        at,
      }),
    ).rejects.toThrow(/7 address lines/);
  });

  it("prints accented names with the post's base letters and refuses a script Helvetica lacks", async () => {
    const polish = letter("de", "Dąbrowski", "PL", {
      salutationName: "Herr Dąbrowski",
      addressLines: ["Herrn Łukasz Dąbrowski", "ul. Śląska 5", "00-001 Warszawa", "POLEN"],
    });
    const pages = readPdf(
      await renderConsentLettersToBuffer({ company: previewCompany, letters: [polish], at }),
    );
    const text = squeeze(pages[0]!.text);
    for (const line of ["Herrn Lukasz Dabrowski", "ul. Slaska 5", "Guten Tag Herr Dabrowski,"]) {
      expect(text).toContain(squeeze(line));
    }

    const cyrillic = letter("de", "Петров", "RU");
    await expect(
      renderConsentLetters({ company: previewCompany, letters: [polish, cyrillic], at }),
    ).rejects.toThrow(/Consent letter 2 .* cannot print: П е т р о в/);
  });

  it("renders 500 letters in one document", { timeout: 300_000 }, async () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      letter(i % 3 === 1 ? "en" : "de", `Person${i}`, `TOKEN-${i}`),
    );
    const started = performance.now();
    const pdf = await renderConsentLettersToBuffer({ company: previewCompany, letters: many, at });
    const seconds = (performance.now() - started) / 1000;
    console.info(`500 letters: ${seconds.toFixed(1)} s, ${(pdf.length / 1e6).toFixed(1)} MB`);

    const pages = readPdf(pdf);
    expect(pages).toHaveLength(500);
    expect(squeeze(pages[499]!.text)).toContain("Person499");
  });
});

describe("previewConsentLetter", () => {
  it.each(["de", "en"] as const)(
    "shows one sample letter in %s with the company's letterhead",
    async (language) => {
      const pdf = await previewConsentLetter(previewCompany, language, { at, micrositeUrl });

      const pages = readPdf(pdf);
      expect(pages).toHaveLength(1);
      const text = squeeze(pages[0]!.text);
      expect(text).toContain(squeeze(previewCompany.name));
      expect(text).toContain(squeeze(previewPurposes[language][0]!.name));
      expect(text).toContain(`${micrositeUrl}/${language}/p/`);
      // The sample link lives 30 days from the letter date.
      expect(text).toContain(language === "de" ? "31.12.2026" : "31December2026");
      expect(pages[0]!.images).toHaveLength(1);
    },
  );
});
