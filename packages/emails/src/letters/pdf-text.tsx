import { Text as PdfText } from "@react-pdf/renderer";
import { Children, type ComponentProps, type ReactNode } from "react";
import { foldToWinAnsi } from "./win-ansi.ts";

// react-pdf hyphenates with English patterns; a letter in German is better set ragged, without any.
const wholeWords = (word: string) => [word];

/** Text as the built-in fonts can print it (see win-ansi.ts), never hyphenated. */
export function Text({
  children,
  ...props
}: Extract<ComponentProps<typeof PdfText>, { children?: ReactNode }>) {
  const printable = Children.map(children, (child) =>
    typeof child === "string" ? foldToWinAnsi(child).text : child,
  );
  return (
    <PdfText hyphenationCallback={wholeWords} {...props}>
      {printable}
    </PdfText>
  );
}
