import type { AccessReport, Language } from "@purposeful/domain";
import { StyleSheet, View } from "@react-pdf/renderer";
import type { ComponentProps, ReactNode } from "react";
import { Text as LetterText } from "../letters/pdf-text.tsx";
import { type AccessReportTexts, accessReportTexts } from "./report-texts.ts";

export const gray = "#475569";
export const rule = "#cbd5e1";

const mm = 72 / 25.4;
const a4 = { width: 595.28, height: 841.89 };
const padding = { top: 18 * mm, bottom: 10 * mm, left: 22 * mm, right: 20 * mm };
export const reportFooter = {
  marginTop: 4 * mm,
  borderTopWidth: 0.5,
  paddingTop: 3,
  fontSize: 7.5,
  lineHeight: 1.3,
};

/** The page's flow: what lies between the top padding and the footer (report-long-list.tsx). */
export const reportPage = {
  flowWidth: a4.width - padding.left - padding.right,
  flowHeight:
    a4.height -
    padding.top -
    padding.bottom -
    (reportFooter.marginTop +
      reportFooter.borderTopWidth +
      reportFooter.paddingTop +
      reportFooter.fontSize * reportFooter.lineHeight),
};

export const styles = StyleSheet.create({
  page: {
    paddingTop: padding.top,
    paddingBottom: padding.bottom,
    paddingLeft: padding.left,
    paddingRight: padding.right,
  },
  letterhead: { textAlign: "right", marginBottom: "10mm" },
  letterheadName: { fontFamily: "Helvetica-Bold", fontSize: 13, marginBottom: 2 },
  letterheadLine: { fontSize: 8.5, color: gray },
  title: { fontFamily: "Helvetica-Bold", fontSize: 16, marginBottom: 2 },
  titleArticle: { fontFamily: "Helvetica", fontSize: 9, color: gray },
  meta: { flexDirection: "row", marginTop: 6, marginBottom: 10 },
  metaItem: { marginRight: "12mm" },
  label: { color: gray, fontSize: 7.5 },
  paragraph: { marginBottom: 6 },
  notice: {
    marginBottom: 8,
    padding: 6,
    borderWidth: 0.75,
    borderColor: gray,
    fontFamily: "Helvetica-Bold",
  },
  part: {
    fontFamily: "Helvetica-Bold",
    fontSize: 13,
    marginTop: 10,
    marginBottom: 4,
    paddingBottom: 2,
    borderBottomWidth: 1,
    borderBottomColor: "#0f172a",
  },
  heading: { fontFamily: "Helvetica-Bold", fontSize: 11, marginTop: 10, marginBottom: 4 },
  article: { fontFamily: "Helvetica", fontSize: 7.5, color: gray },
  subheading: { fontFamily: "Helvetica-Bold", marginTop: 4, marginBottom: 2 },
  bold: { fontFamily: "Helvetica-Bold" },
  small: { fontSize: 8, color: gray },
  bullet: { flexDirection: "row", marginBottom: 1.5 },
  bulletMark: { width: "4mm" },
  bulletText: { flex: 1 },
  field: { flexDirection: "row", marginBottom: 1.5 },
  fieldLabel: { width: "45mm", color: gray, paddingRight: 4 },
  fieldValue: { flex: 1 },
  tableHead: {
    flexDirection: "row",
    borderBottomWidth: 0.75,
    borderBottomColor: gray,
    paddingBottom: 2,
    marginBottom: 2,
    fontFamily: "Helvetica-Bold",
    fontSize: 8.5,
  },
  tableRow: {
    flexDirection: "row",
    borderBottomWidth: 0.5,
    borderBottomColor: rule,
    paddingTop: 2,
    paddingBottom: 3,
  },
  cell: { paddingRight: 6 },
  entry: { marginBottom: 4, paddingBottom: 3, borderBottomWidth: 0.5, borderBottomColor: rule },
  entryHead: { fontSize: 8, color: gray },
  // The text style sits on the flow, not on the page: set on the page, react-pdf's page layout
  // (react-pdf 4.9) stretches the footer and leaves a tenth of every page empty.
  flow: { flexGrow: 1, fontFamily: "Helvetica", fontSize: 9.5, lineHeight: 1.3, color: "#0f172a" },
});

// Whole words as in the letters, except a word longer than a line (a pasted link, an audit value):
// it may break every 24 characters instead of running off the page. E-mail addresses stay whole.
const longWord = 48;
const breakLongWords = (word: string) =>
  word.length <= longWord ? [word] : (word.match(/.{1,24}/gs) ?? [word]);

/** Text in WinAnsi (see win-ansi.ts), breaking only words too long for a line. */
export function Text(props: ComponentProps<typeof LetterText>) {
  return <LetterText hyphenationCallback={breakLongWords} {...props} />;
}

/** What every section needs: the report, its texts and its language. */
export interface SectionProps {
  report: AccessReport;
  t: AccessReportTexts;
  language: Language;
}

export const textsOf = (report: AccessReport) => ({
  report,
  t: accessReportTexts[report.language],
  language: report.language,
});

/** A section's title with the article it answers shown small beside it; kept with what follows. */
export function SectionHeading(props: { title: string; article: string; break?: boolean }) {
  return (
    <Text style={styles.heading} minPresenceAhead={15} break={props.break}>
      {props.title} <Text style={styles.article}>{props.article}</Text>
    </Text>
  );
}

export function Paragraphs(props: { text: string }) {
  const paragraphs = props.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static paragraphs, never reordered
        <Text key={index} style={styles.paragraph}>
          {paragraph}
        </Text>
      ))}
    </>
  );
}

export function Bullets(props: { items: readonly string[] }) {
  return (
    <>
      {props.items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list, items may repeat
        <View key={index} style={styles.bullet} wrap={false}>
          <Text style={styles.bulletMark}>•</Text>
          <Text style={styles.bulletText}>{item}</Text>
        </View>
      ))}
    </>
  );
}

/** Label and value side by side; nothing when the value is empty. */
export function Field(props: { label: string; value: string | null | undefined }) {
  if (props.value === null || props.value === undefined || props.value.trim() === "") return null;
  return (
    <View style={styles.field}>
      <Text style={styles.fieldLabel}>{props.label}</Text>
      <Text style={styles.fieldValue}>{props.value}</Text>
    </View>
  );
}

/** A table: column widths in percent, the header kept with the first row, rows kept whole. */
export function Table(props: { widths: readonly string[]; head: readonly string[]; rows: ReactNode[][] }) {
  return (
    <>
      <View style={styles.tableHead} minPresenceAhead={15}>
        {props.head.map((label, i) => (
          <Text key={label} style={[styles.cell, { width: props.widths[i] }]}>
            {label}
          </Text>
        ))}
      </View>
      {props.rows.map((cells, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows in the report's order, never reordered
        <View key={row} style={styles.tableRow} wrap={false}>
          {cells.map((cell, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
            <View key={i} style={[styles.cell, { width: props.widths[i] }]}>
              {cell}
            </View>
          ))}
        </View>
      ))}
    </>
  );
}

export function None(props: { t: AccessReportTexts; text?: string }) {
  return <Text style={styles.paragraph}>{props.text ?? props.t.none}</Text>;
}
