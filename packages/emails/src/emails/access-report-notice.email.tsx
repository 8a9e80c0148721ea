import { Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany, previewLinkUrl } from "./preview-data.ts";

export interface AccessReportNoticeProps {
  company: CompanySettings;
  salutationName: string;
  /** YYYY-MM-DD: the last day the link works */
  validUntil: string;
  downloadUrl: string;
}

const texts = {
  de: {
    subject: "Ihre Auskunft nach Art. 15 DSGVO liegt bereit",
    preview: "Ihre Auskunft über Ihre gespeicherten Daten liegt zum Herunterladen bereit.",
    ready:
      "Sie haben Auskunft über die Daten verlangt, die wir über Sie verarbeiten (Art. 15 DSGVO). Ihre Auskunft liegt als PDF zum Herunterladen bereit.",
    safety: (until: string) =>
      `Damit niemand anderes sie öffnet, der diese E-Mail zu sehen bekommt, bestätigen Sie vor dem Herunterladen die E-Mail-Adresse, an die diese Nachricht ging. Der Link gilt bis zum ${until} und nur für Sie; leiten Sie diese E-Mail bitte nicht weiter.`,
    button: "Auskunft herunterladen",
    contact: (contact: string) =>
      `Sie haben diese Auskunft nicht verlangt oder der Link funktioniert nicht mehr? Dann schreiben Sie uns bitte an ${contact}.`,
  },
  en: {
    subject: "Your access report under Art. 15 GDPR is ready",
    preview: "Your report about the data we store about you is ready to download.",
    ready:
      "You asked which data we process about you (Art. 15 GDPR). Your report is ready to download as a PDF.",
    safety: (until: string) =>
      `So that nobody else who gets to see this e-mail can open it, you confirm the e-mail address this message went to before downloading. The link works until ${until} and only for you; please do not forward this e-mail.`,
    button: "Download my report",
    contact: (contact: string) =>
      `You did not ask for this report, or the link no longer works? Then please write to us at ${contact}.`,
  },
} satisfies Record<EmailLanguage, unknown>;

export function accessReportNoticeSubject(_props: AccessReportNoticeProps, language: EmailLanguage): string {
  return texts[language].subject;
}

/**
 * Art. 15(3), 12(1) GDPR: the access report is delivered by a personal download link (the same token
 * rules as the consent links), not as an attachment a misdirected or forwarded mail would leak;
 * the download asks for the address first (Art. 32: appropriate security of the transmission).
 */
export default function AccessReportNoticeEmail({
  language = "de",
  ...props
}: AccessReportNoticeProps & { language?: EmailLanguage }) {
  const t = texts[language];
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.ready}</Text>
      <CallToAction href={props.downloadUrl} label={t.button} language={language} />
      <Text style={paragraph}>{t.safety(formatDay(props.validUntil, language))}</Text>
      <Text style={paragraph}>{t.contact(props.company.privacyContact)}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

AccessReportNoticeEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Erika Müller",
  validUntil: "2026-12-16",
  downloadUrl: previewLinkUrl.replace("/p/", "/r/"),
} satisfies AccessReportNoticeProps & { language: EmailLanguage };
