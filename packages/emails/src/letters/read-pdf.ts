import { inflateSync } from "node:zlib";

/**
 * Just enough of a PDF reader for the letter tests: the pages in order, the text each page shows and
 * the images it draws. Reads what pdfkit (under react-pdf) writes — direct /Length, one /Pages node,
 * FlateDecode streams, standard fonts in WinAnsi — and throws on anything else rather than guess.
 */
export interface PdfPage {
  /** Every string the page's content stream shows, concatenated (spaces are glyphs of their own). */
  text: string;
  images: PdfImage[];
}

export interface PdfImage {
  width: number;
  height: number;
  colorSpace: string;
  /** Decoded samples, 8 bits per component, row by row. */
  pixels: Buffer;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const streamAt = text.indexOf("stream", start);
    const endAt = text.indexOf("endobj", start);
    if (streamAt === -1 || endAt < streamAt) {
      objects.set(Number(match[1]), { dict: text.slice(start, endAt) });
      header.lastIndex = endAt;
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)\s/.exec(dict)?.[1] ?? Number.NaN);
    if (Number.isNaN(length)) throw new Error(`Object ${match[1]}: no direct /Length`);
    const dataAt = streamAt + (text.startsWith("stream\r\n", streamAt) ? 8 : 7);
    const raw = pdf.subarray(dataAt, dataAt + length);
    const stream = /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = dataAt + length;
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : undefined;
};

// WinAnsiEncoding is Latin-1 except for 0x80–0x9F (Node's TextDecoder("windows-1252") drops those).
const winAnsiHigh = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const winAnsi = {
  decode: (bytes: Uint8Array) =>
    String.fromCharCode(...bytes).replace(/[\u0080-\u009f]/g, (c) => winAnsiHigh[c.charCodeAt(0) - 0x80]!),
};

/** The strings of the text-showing operators (Tj, TJ) in a content stream, decoded from WinAnsi. */
function showText(content: string): string {
  const decodeHex = (hex: string) => winAnsi.decode(Buffer.from(hex, "hex"));
  const decodeLiteral = (literal: string) =>
    literal.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, code: string) =>
      /^[0-7]/.test(code)
        ? winAnsi.decode(Uint8Array.of(Number.parseInt(code, 8)))
        : ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" }[code] ?? code),
    );
  const strings = /<([0-9a-fA-F\s]*)>|\(((?:[^()\\]|\\.)*)\)/g;
  const operators = /\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F\s]*>|\((?:[^()\\]|\\.)*\))\s*Tj/g;
  let text = "";
  for (const operator of content.matchAll(operators)) {
    for (const part of (operator[1] ?? operator[2] ?? "").matchAll(strings)) {
      text += part[1] !== undefined ? decodeHex(part[1].replace(/\s/g, "")) : decodeLiteral(part[2] ?? "");
    }
  }
  return text;
}

const numberIn = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+)`).exec(dict)?.[1]);

/** Undoes the PNG row filters (PDF predictors 10–15): each row starts with its filter type. */
function unfilterPng(data: Buffer, bytesPerPixel: number, rowLength: number): Buffer {
  const rows = data.length / (rowLength + 1);
  const out = Buffer.alloc(rows * rowLength);
  for (let row = 0; row < rows; row++) {
    const filter = data[row * (rowLength + 1)]!;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[row * (rowLength + 1) + 1 + i]!;
      const left = i >= bytesPerPixel ? out[row * rowLength + i - bytesPerPixel]! : 0;
      const up = row > 0 ? out[(row - 1) * rowLength + i]! : 0;
      const upLeft = row > 0 && i >= bytesPerPixel ? out[(row - 1) * rowLength + i - bytesPerPixel]! : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`Unknown PNG filter ${filter}`);
      out[row * rowLength + i] = (raw + predictor) & 0xff;
    }
  }
  return out;
}

function readImage(objects: Map<number, PdfObject>, id: number): PdfImage | null {
  const image = objects.get(id);
  if (!image?.stream || !/\/Subtype \/Image/.test(image.dict)) return null;
  const [width, height] = [numberIn(image.dict, "Width"), numberIn(image.dict, "Height")];
  if (numberIn(image.dict, "BitsPerComponent") !== 8)
    throw new Error(`Image ${id}: not 8 bits per component`);
  const colorSpace = /\/ColorSpace \/(\w+)/.exec(image.dict)?.[1] ?? "";
  const parmsId = ref(image.dict, "DecodeParms");
  const parms =
    parmsId === undefined ? /\/DecodeParms (<<[^>]*>>)/.exec(image.dict)?.[1] : objects.get(parmsId)?.dict;
  const predictor = parms ? numberIn(parms, "Predictor") : 1;
  if (predictor > 1 && predictor < 10) throw new Error(`Image ${id}: TIFF predictor not supported`);
  const channels = colorSpace === "DeviceRGB" ? 3 : 1;
  const pixels = predictor >= 10 ? unfilterPng(image.stream, channels, width * channels) : image.stream;
  return { width, height, colorSpace, pixels };
}

export function readPdf(pdf: Buffer): PdfPage[] {
  const objects = readObjects(pdf);
  const tree = [...objects.values()].filter((object) => /\/Type \/Pages\b/.test(object.dict));
  if (tree.length !== 1) throw new Error(`Expected one /Pages node, found ${tree.length}`);
  const kids = /\/Kids \[([^\]]*)\]/.exec(tree[0]!.dict)?.[1] ?? "";
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, id]) => {
    const page = objects.get(Number(id));
    if (!page || !/\/Type \/Page\b/.test(page.dict)) throw new Error(`Kid ${id} is not a page`);
    const content = objects.get(ref(page.dict, "Contents") ?? -1)?.stream?.toString("latin1") ?? "";
    const resources = objects.get(ref(page.dict, "Resources") ?? -1)?.dict ?? "";
    const xObjects = /\/XObject <<([^>]*)>>/.exec(resources)?.[1] ?? "";
    // Only images the page actually draws (`/Name Do`), not a soft mask that belongs to one of them.
    const images = [...xObjects.matchAll(/\/(\w+) (\d+) 0 R/g)]
      .filter(([, name]) => new RegExp(`/${name} Do\\b`).test(content))
      .flatMap(([, , imageId]) => readImage(objects, Number(imageId)) ?? []);
    return { text: showText(content), images };
  });
}
