import { Text } from "@react-email/components";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany } from "./preview-data.ts";

export interface AccessReportAttachedProps {
  company: CompanySettings;
  salutationName: string;
  /** YYYY-MM-DD: the day the report was generated */
  generatedOn: string;
  /** the attached PDF's file name, so the person knows which attachment is meant */
  fileName: string;
}

const texts = {
  de: {
    subject: "Ihre Auskunft nach Art. 15 DSGVO (PDF im Anhang)",
    preview: "Ihre Auskunft über Ihre gespeicherten Daten ist dieser E-Mail als PDF angehängt.",
    attached: (day: string, fileName: string) =>
      `Sie haben Auskunft über die Daten verlangt, die wir über Sie verarbeiten (Art. 15 DSGVO). Ihre Auskunft vom ${day} ist dieser E-Mail als PDF angehängt (${fileName}).`,
    safety:
      "Die Auskunft enthält alle Daten, die wir über Sie gespeichert haben. Wer diese E-Mail lesen kann, kann auch die Auskunft lesen: Bitte bewahren Sie sie sicher auf und leiten Sie diese E-Mail nicht weiter.",
    contact: (contact: string) =>
      `Sie haben diese Auskunft nicht verlangt oder der Anhang lässt sich nicht öffnen? Dann schreiben Sie uns bitte an ${contact}.`,
  },
  en: {
    subject: "Your access report under Art. 15 GDPR (PDF attached)",
    preview: "Your report about the data we store about you is attached to this e-mail as a PDF.",
    attached: (day: string, fileName: string) =>
      `You asked which data we process about you (Art. 15 GDPR). Your report of ${day} is attached to this e-mail as a PDF (${fileName}).`,
    safety:
      "The report contains all the data we store about you. Anyone who can read this e-mail can read the report too: please keep it safe and do not forward this e-mail.",
    contact: (contact: string) =>
      `You did not ask for this report, or the attachment does not open? Then please write to us at ${contact}.`,
  },
} satisfies Record<EmailLanguage, unknown>;

export function accessReportAttachedSubject(
  _props: AccessReportAttachedProps,
  language: EmailLanguage,
): string {
  return texts[language].subject;
}

/**
 * Art. 15(3) GDPR: the access report with its PDF attached, the delivery the DPO chooses knowingly
 * instead of the download link (`access-report-notice`), e.g. when the person asked for it so. The
 * mail carries no personal link; it asks the person to keep the report safe.
 */
export default function AccessReportAttachedEmail({
  language = "de",
  ...props
}: AccessReportAttachedProps & { language?: EmailLanguage }) {
  const t = texts[language];
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.attached(formatDay(props.generatedOn, language), props.fileName)}</Text>
      <Text style={paragraph}>{t.safety}</Text>
      <Text style={paragraph}>{t.contact(props.company.privacyContact)}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

AccessReportAttachedEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Erika Müller",
  generatedOn: "2026-11-30",
  fileName: "auskunft-art-15-2026-11-30.pdf",
} satisfies AccessReportAttachedProps & { language: EmailLanguage };
