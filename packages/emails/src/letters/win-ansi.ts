/**
 * The letters use the PDF's built-in Helvetica, which only has the WinAnsi characters (Latin-1 and a
 * few typographic ones). pdfkit prints anything else as a wrong letter ("Łukasz" came out as
 * "Aukasz") or not at all, so text is folded first: accents outside WinAnsi are dropped ("Dąbrowski"
 * → "Dabrowski", as the post accepts), a few letters without a decomposition are mapped, and what
 * is still left (another script, emoji) becomes "?" and is reported.
 */
const winAnsiExtras = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const withoutDecomposition: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŀ: "L",
  ŀ: "l",
  Ŧ: "T",
  ŧ: "t",
  Ŋ: "N",
  ŋ: "n",
  ẞ: "SS",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2009": " ",
  "\u202f": " ",
  "→": "->",
  "←": "<-",
};

function printable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    char === "\n" ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    winAnsiExtras.has(char)
  );
}

// Most text is plain Latin-1: one scan instead of a loop over its characters (a report has thousands).
const onlyLatin1 = /^[\n\x20-\x7e\xa0-\xff]*$/;

export function foldToWinAnsi(text: string): { text: string; unprintable: string[] } {
  if (onlyLatin1.test(text)) return { text, unprintable: [] };
  const unprintable: string[] = [];
  let folded = "";
  for (const char of text) {
    if (printable(char)) {
      folded += char;
      continue;
    }
    const base = withoutDecomposition[char] ?? char.normalize("NFD").replace(/\p{M}/gu, "");
    if (base !== "" && [...base].every(printable)) {
      folded += base;
    } else {
      folded += "?";
      unprintable.push(char);
    }
  }
  return { text: folded, unprintable };
}
