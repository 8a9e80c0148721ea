import { Canvas } from "@react-pdf/renderer";
import PDFDocument from "pdfkit";
import { foldToWinAnsi } from "../letters/win-ansi.ts";
import { gray, reportPage, rule } from "./report-pdf-parts.tsx";

/**
 * Long lists of the copy (a customer of many years has 10,000 activities, hundreds of documents and
 * thousands of audit events), set with pdfkit itself, a page at a time. react-pdf lays out every
 * text node through its own text engine, about a millisecond per entry: 10,000 activities took 10 s.
 * pdfkit, which react-pdf prints with, wraps the same lines in a fraction of that. So a long list is
 * measured here with pdfkit's `heightOfString`, cut into pages, and each page is one react-pdf
 * `Canvas` that paints its entries with the same pdfkit calls at the measured positions. The
 * document's page frame and footer stay react-pdf's. Short lists keep react-pdf's text
 * (report-copy.tsx): a long list starts on a page of its own, which only pays off for many entries.
 */

/** One entry: a small gray head line (date, kind), a bold title, the text. */
export interface ListEntry {
  head: string;
  title: string;
  body: string;
}

/** A table: column widths as fractions of the line, the head repeated on every page. */
export interface ListTable {
  widths: readonly number[];
  head: readonly string[];
  rows: readonly (readonly string[])[];
}

/** From this many entries or rows a list is set as pages of pdfkit text. */
export const longListFrom = 150;

type Kind = "head" | "title" | "body" | "cell" | "columnHead";
const fontOf = {
  head: "Helvetica",
  title: "Helvetica-Bold",
  body: "Helvetica",
  cell: "Helvetica",
  columnHead: "Helvetica-Bold",
} as const;
const sizeOf = { head: 8, title: 9.5, body: 9.5, cell: 9.5, columnHead: 8.5 } as const;
// react-pdf sets the flow at 1.3 times the font size; Helvetica's own line height is 1.156.
const lineGap = (fontSize: number) => fontSize * (1.3 - 1.156);
const gapAfter = 3;
const ruleGap = 4;
const cellPadding = 6;
// What fits between the page's top padding and its footer (report-pdf-parts.tsx), less a margin for
// rounding; the first page also holds the section's heading.
const pageHeight = reportPage.flowHeight - 8;
const headingAllowance = 40;

/** Text of one kind at a place in its block, with its measured height. */
interface Piece {
  kind: Kind;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
/** A stripe of the page: pieces relative to its top, a rule under it. */
interface Block {
  pieces: Piece[];
  height: number;
}

function createMeasure() {
  const doc = new PDFDocument({ size: "A4", margin: 0, compress: false });
  return (kind: Kind, text: string, width = reportPage.flowWidth) =>
    doc
      .font(fontOf[kind])
      .fontSize(sizeOf[kind])
      .heightOfString(text, { width, lineGap: lineGap(sizeOf[kind]) });
}
type Measure = ReturnType<typeof createMeasure>;

const printable = (text: string) => foldToWinAnsi(text).text.trim();

/** Pages of blocks, starting below the section's heading. */
function createPages() {
  const pages: Block[][] = [[]];
  let room = pageHeight - headingAllowance;
  return {
    pages: () => pages.filter((page) => page.length > 0),
    room: () => room,
    newPage() {
      pages.push([]);
      room = pageHeight;
    },
    place(block: Block) {
      pages[pages.length - 1]?.push(block);
      room -= block.height;
    },
  };
}

/** Stacks pieces of text full width, one under the other. */
function stack(measure: Measure, parts: [Kind, string][]): { pieces: Piece[]; height: number } {
  const pieces: Piece[] = [];
  let y = 0;
  for (const [kind, text] of parts) {
    if (!text) continue;
    const height = measure(kind, text);
    pieces.push({ kind, text, x: 0, y, width: reportPage.flowWidth, height });
    y += height;
  }
  return { pieces, height: y };
}

/**
 * The longest run of whole words from the start that fits into `room`; at least one word, so an
 * entry longer than a page is carried over page by page.
 */
function fitting(words: string[], room: number, measure: (text: string) => number): number {
  let low = 1;
  let high = words.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(words.slice(0, mid).join("")) <= room) low = mid;
    else high = mid - 1;
  }
  return low;
}

const extra = gapAfter + ruleGap;

/** The entries cut into pages; an entry longer than what is left continues on the next page. */
export function paginateEntries(entries: readonly ListEntry[]): Block[][] {
  const measure = createMeasure();
  const pages = createPages();
  for (const entry of entries) {
    const head = stack(measure, [
      ["head", printable(entry.head)],
      ["title", printable(entry.title)],
    ]);
    const bodyText = printable(entry.body);
    const whole = stack(measure, [["body", bodyText]]);
    const total = head.height + whole.height + extra;
    if (total <= pages.room()) {
      const body = whole.pieces.map((p) => ({ ...p, y: p.y + head.height }));
      pages.place({ pieces: [...head.pieces, ...body], height: total });
      continue;
    }
    // An entry that fits a page starts on the next; a longer one starts here if a few lines fit.
    const fewLines = head.height + 3 * sizeOf.body * 1.3 + extra;
    if (total <= pageHeight || pages.room() < fewLines) pages.newPage();
    // Words with the white space after them, so that line breaks in the text survive the cut.
    let words: string[] = bodyText.match(/\S+\s*/g) ?? [];
    let top = head;
    if (words.length === 0) pages.place({ pieces: head.pieces, height: total });
    while (words.length > 0) {
      const room = pages.room() - top.height - extra;
      const count = fitting(words, room, (text) => measure("body", text));
      const part = stack(measure, [["body", words.slice(0, count).join("").trim()]]);
      const body = part.pieces.map((p) => ({ ...p, y: p.y + top.height }));
      pages.place({ pieces: [...top.pieces, ...body], height: top.height + part.height + extra });
      words = words.slice(count);
      if (words.length > 0) pages.newPage();
      top = { pieces: [], height: 0 };
    }
  }
  return pages.pages();
}

/** The table's rows cut into pages, the column heads at the top of each. */
export function paginateTable(table: ListTable): Block[][] {
  const measure = createMeasure();
  const pages = createPages();
  const columns = table.widths.map((fraction, index) => {
    const x = table.widths.slice(0, index).reduce((sum, w) => sum + w, 0) * reportPage.flowWidth;
    return { x, width: fraction * reportPage.flowWidth - cellPadding };
  });
  const row = (kind: Kind, cells: readonly string[]): Block => {
    const pieces = cells.map((cell, index) => {
      const column = columns[index] ?? { x: 0, width: reportPage.flowWidth };
      const text = printable(cell);
      return { kind, text, ...column, y: 2, height: text ? measure(kind, text, column.width) : 0 };
    });
    return { pieces, height: Math.max(...pieces.map((p) => p.height)) + extra };
  };
  const head = row("columnHead", table.head);
  pages.place(head);
  for (const cells of table.rows) {
    const next = row("cell", cells);
    if (next.height > pages.room()) {
      pages.newPage();
      pages.place(head);
    }
    pages.place(next);
  }
  return pages.pages();
}

/** The subset of pdfkit react-pdf's Canvas hands to `paint`, as far as the report uses it. */
export interface PdfPainter {
  font(name: string): PdfPainter;
  fontSize(size: number): PdfPainter;
  fillColor(color: string): PdfPainter;
  text(text: string, x: number, y: number, options: object): PdfPainter;
  moveTo(x: number, y: number): PdfPainter;
  lineTo(x: number, y: number): PdfPainter;
  lineWidth(width: number): PdfPainter;
  strokeColor(color: string): PdfPainter;
  stroke(): PdfPainter;
}

/** One page of blocks, painted with pdfkit at the measured positions. */
function paintPage(blocks: Block[]) {
  return (painter: PdfPainter, width: number) => {
    let top = 0;
    for (const block of blocks) {
      for (const piece of block.pieces) {
        if (!piece.text) continue;
        painter
          .font(fontOf[piece.kind])
          .fontSize(sizeOf[piece.kind])
          .fillColor(piece.kind === "head" ? gray : "#0f172a")
          // A height keeps pdfkit from ever starting a page of its own.
          .text(piece.text, piece.x, top + piece.y, {
            width: piece.width,
            lineGap: lineGap(sizeOf[piece.kind]),
            height: piece.height + 2,
          });
      }
      top += block.height;
      const line = top - ruleGap + 0.5;
      const head = block.pieces[0]?.kind === "columnHead";
      painter
        .moveTo(0, line)
        .lineTo(width, line)
        .lineWidth(head ? 0.75 : 0.5)
        .strokeColor(head ? gray : rule)
        .stroke();
    }
    return null;
  };
}

/** Pages of painted blocks; the first follows the section's heading, each other starts a page. */
function PaintedPages(props: { pages: Block[][] }) {
  return (
    <>
      {props.pages.map((page, index) => (
        <Canvas
          // biome-ignore lint/suspicious/noArrayIndexKey: pages in order, never reordered
          key={index}
          break={index > 0}
          style={{ width: reportPage.flowWidth, height: page.reduce((sum, block) => sum + block.height, 0) }}
          paint={paintPage(page)}
        />
      ))}
    </>
  );
}

export function LongList(props: { entries: readonly ListEntry[] }) {
  return <PaintedPages pages={paginateEntries(props.entries)} />;
}

export function LongTable(props: { table: ListTable }) {
  return <PaintedPages pages={paginateTable(props.table)} />;
}
