import { Image, Link, Page, StyleSheet, View } from "@react-pdf/renderer";
import { type CompanySettings, footerTexts } from "../components/layout.tsx";
import { formatDay } from "../emails/format.ts";
import { consentLetterTexts } from "./letter-texts.ts";
import { Text } from "./pdf-text.tsx";
import type { ConsentLetter } from "./render-letters.ts";

// Courier at 8.5 pt fits about 70 characters beside the QR code; a longer link breaks before its token.
const linkLineLength = 70;

const gray = "#475569";

// Positions follow DIN 5008 form B (A4, window envelope DL/C6 long): address field 20 mm from the left
// and 45 mm from the top, 85 × 45 mm, whose first 17.7 mm hold the return address; information block
// from 125 mm; the text from 98.5 mm; fold marks at 105 and 210 mm, the punch mark at 148.5 mm.
const styles = StyleSheet.create({
  page: {
    fontFamily: "Helvetica",
    fontSize: 10,
    lineHeight: 1.3,
    color: "#0f172a",
    paddingTop: "20mm",
    paddingBottom: "34mm",
    paddingLeft: "25mm",
    paddingRight: "20mm",
  },
  head: { height: "78.5mm", position: "relative" },
  letterhead: { position: "absolute", top: "-5mm", left: 0, right: 0, textAlign: "right" },
  companyName: { fontFamily: "Helvetica-Bold", fontSize: 14, marginBottom: 2 },
  companyLine: { fontSize: 8.5, color: gray },
  returnAddress: {
    position: "absolute",
    top: "38mm",
    left: 0,
    width: "80mm",
    fontSize: 7,
    color: gray,
    borderBottomWidth: 0.5,
    borderBottomColor: gray,
  },
  address: { position: "absolute", top: "42.7mm", left: 0, width: "80mm", fontSize: 10, lineHeight: 1.2 },
  infoBlock: { position: "absolute", top: "30mm", left: "100mm", width: "65mm", fontSize: 9 },
  infoLabel: { color: gray, fontSize: 7.5 },
  subject: { fontFamily: "Helvetica-Bold", fontSize: 11, marginBottom: 10 },
  paragraph: { marginBottom: 6 },
  heading: { fontFamily: "Helvetica-Bold", fontSize: 10.5, marginTop: 4, marginBottom: 4 },
  purpose: { marginBottom: 5, paddingLeft: "4mm" },
  purposeName: { fontFamily: "Helvetica-Bold" },
  answer: { flexDirection: "row", alignItems: "center", marginTop: 4, marginBottom: 8 },
  answerText: { flex: 1, paddingRight: "6mm" },
  link: { fontFamily: "Courier", fontSize: 8.5, color: "#0f172a", textDecoration: "none", marginTop: 3 },
  qr: { width: "32mm", height: "32mm" },
  signOff: { marginTop: 6 },
  // Placed from the top: react-pdf measures `bottom` of a fixed element against the unsplit page, so a
  // letter running onto a second sheet would lose its footer.
  footer: {
    position: "absolute",
    top: "266mm",
    left: "25mm",
    right: "20mm",
    fontSize: 7,
    lineHeight: 1.25,
    color: gray,
    borderTopWidth: 0.5,
    borderTopColor: gray,
    paddingTop: 3,
  },
  sheet: { textAlign: "right" },
  mark: { position: "absolute", left: "5mm", width: "5mm", borderTopWidth: 0.5, borderTopColor: gray },
});

/** The company address as lines, whether an admin typed it on several lines or comma-separated. */
export function companyAddressLines(company: CompanySettings): string[] {
  return company.address
    .split(/\s*[\n,]\s*/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A link too long for one line is printed with its token on a line of its own, never broken inside. */
function printableLink(url: string): string {
  const lastSlash = url.lastIndexOf("/");
  return url.length <= linkLineLength || lastSlash < 0
    ? url
    : `${url.slice(0, lastSlash + 1)}\n${url.slice(lastSlash + 1)}`;
}

export function ConsentLetterPage(props: {
  company: CompanySettings;
  letter: ConsentLetter;
  /** The letter date, already formatted in the controller's time zone. */
  date: string;
  /** PNG data URL of the QR code for `letter.linkUrl`. */
  qrCode: string;
}) {
  const { company, letter } = props;
  const t = consentLetterTexts[letter.language];
  const footer = footerTexts[letter.language];
  const companyLines = companyAddressLines(company);
  const footerCompany = { ...company, address: companyLines.join(", ") };
  return (
    <Page size="A4" style={styles.page}>
      {[105, 148.5, 210].map((mm) => (
        <View key={mm} fixed style={[styles.mark, { top: `${mm}mm`, width: mm === 148.5 ? "7mm" : "5mm" }]} />
      ))}
      <View style={styles.head}>
        <View style={styles.letterhead}>
          <Text style={styles.companyName}>{company.name}</Text>
          {companyLines.map((line) => (
            <Text key={line} style={styles.companyLine}>
              {line}
            </Text>
          ))}
          <Text style={styles.companyLine}>{company.privacyContact}</Text>
        </View>
        <Text style={styles.returnAddress}>{[company.name, ...companyLines].join(" · ")}</Text>
        <View style={styles.address}>
          {letter.addressLines.map((line, index) => (
            // Address lines may repeat (two people of one family): the index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
            <Text key={index}>{line}</Text>
          ))}
        </View>
        <View style={styles.infoBlock}>
          <Text style={styles.infoLabel}>{t.dateLabel}</Text>
          <Text>{props.date}</Text>
        </View>
      </View>
      <Text style={styles.subject}>{t.subject}</Text>
      <Text style={styles.paragraph}>{t.greeting(letter.salutationName)}</Text>
      <Text style={styles.paragraph}>{t.why(company.name)}</Text>
      <Text style={styles.heading}>{t.purposesHeading}</Text>
      {letter.purposes.map((purpose) => (
        <View key={purpose.name} style={styles.purpose} wrap={false}>
          <Text style={styles.purposeName}>{purpose.name}</Text>
          <Text>{purpose.description}</Text>
        </View>
      ))}
      <View style={styles.answer} wrap={false}>
        <View style={styles.answerText}>
          <Text>{t.howToAnswer}</Text>
          <Link src={letter.linkUrl} style={styles.link}>
            <Text>{printableLink(letter.linkUrl)}</Text>
          </Link>
        </View>
        <Image src={props.qrCode} style={styles.qr} />
      </View>
      <Text style={styles.paragraph}>{t.freeChoice}</Text>
      <Text style={styles.paragraph}>{t.withdraw(company.privacyContact)}</Text>
      <Text style={styles.paragraph}>{t.expiry(formatDay(letter.expiresOn, letter.language))}</Text>
      <View style={styles.signOff} wrap={false}>
        <Text>{t.closing}</Text>
        <Text>{company.name}</Text>
      </View>
      {/* Art. 21(4) GDPR: the right to object, clearly and apart from the rest, on every sheet. */}
      <View style={styles.footer} fixed>
        <Text>
          <Text style={{ fontFamily: "Helvetica-Bold" }}>{footer.objectionHeading}: </Text>
          {footer.objection(company)}
        </Text>
        <Text>
          {footer.controller(footerCompany)}
          {company.privacyNoticeUrl ? ` · ${footer.privacyNotice}: ${company.privacyNoticeUrl}` : ""}
        </Text>
        <Text
          style={styles.sheet}
          render={({ subPageNumber, subPageTotalPages }) =>
            subPageTotalPages > 1 ? t.sheet(subPageNumber, subPageTotalPages) : ""
          }
        />
      </View>
    </Page>
  );
}
