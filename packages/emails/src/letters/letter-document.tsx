import type { Language } from "@purposeful/domain";
import { Document, renderToStream } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { formatInstant } from "../emails/format.ts";
import { ConsentLetterPage } from "./consent-letter.tsx";
import { consentLetterTexts } from "./letter-texts.ts";
import type { ConsentLettersInput } from "./render-letters.ts";

// Error correction M survives a crease or a smudge; 4 modules of margin are the quiet zone the QR
// standard asks for; 4 px per module keep the modules square at any print size. pngjs (under qrcode)
// takes its own options too: a grey PNG without alpha is embedded as one small image instead of an
// RGB image plus a soft mask, and without the filter search it is made several times faster.
const pngOptions = { colorType: 0, filterType: 0, deflateLevel: 1 };
const qrOptions = { errorCorrectionLevel: "M", margin: 4, scale: 4, rendererOpts: pngOptions } as const;

/** The PDF of checked letters; loaded on first use, so importing the package does not load react-pdf. */
export async function renderLetterDocument(input: ConsentLettersInput): Promise<NodeJS.ReadableStream> {
  const qrCodes: string[] = [];
  for (const letter of input.letters) qrCodes.push(await QRCode.toDataURL(letter.linkUrl, qrOptions));
  const dates = new Map<Language, string>();
  const dateIn = (language: Language) => {
    let date = dates.get(language);
    if (date === undefined) {
      date = formatInstant(input.at.toISOString(), language).day;
      dates.set(language, date);
    }
    return date;
  };
  const language = input.letters[0]?.language ?? "de";
  return renderToStream(
    <Document
      title={consentLetterTexts[language].subject}
      author={input.company.name}
      language={language}
      creationDate={input.at}
    >
      {input.letters.map((letter, index) => (
        <ConsentLetterPage
          // biome-ignore lint/suspicious/noArrayIndexKey: the letters are printed in the given order
          key={index}
          company={input.company}
          letter={letter}
          date={dateIn(letter.language)}
          qrCode={qrCodes[index]!}
        />
      ))}
    </Document>,
  );
}
