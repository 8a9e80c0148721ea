import { Canvas } from "@react-pdf/renderer";
import { foldToWinAnsi } from "../letters/win-ansi.ts";
import type { PdfPainter } from "./report-long-list.tsx";
import { gray, reportFooter } from "./report-pdf-parts.tsx";

/**
 * The footer of every page: what the document is on the left, the page number on the right, under a
 * thin rule. Painted with pdfkit rather than set as react-pdf text: the page layout lays every page
 * out twice per round and runs two rounds (for the total page count), and text made that half of
 * the time of a 300-page report; a painted footer is one box.
 */
export function PageFooter(props: { left: string; right: string }) {
  const { fontSize, lineHeight, paddingTop, borderTopWidth } = reportFooter;
  const height = borderTopWidth + paddingTop + fontSize * lineHeight;
  return (
    <Canvas
      style={{ marginTop: reportFooter.marginTop, height }}
      paint={(painter: PdfPainter, width: number) => {
        const y = borderTopWidth + paddingTop + (fontSize * (lineHeight - 1.156)) / 2;
        const line = { lineBreak: false, height: fontSize * lineHeight, lineGap: 0 };
        painter.moveTo(0, 0).lineTo(width, 0).lineWidth(borderTopWidth).strokeColor(gray).stroke();
        painter.font("Helvetica").fontSize(fontSize).fillColor(gray);
        painter.text(foldToWinAnsi(props.right).text, 0, y, { ...line, width, align: "right" });
        painter.text(foldToWinAnsi(props.left).text, 0, y, { ...line, width: width * 0.8, ellipsis: true });
        return null;
      }}
    />
  );
}
