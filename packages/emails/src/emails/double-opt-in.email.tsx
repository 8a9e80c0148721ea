import { Heading, Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { heading, list, paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany, previewLinkUrl } from "./preview-data.ts";

export interface DoubleOptInProps {
  company: CompanySettings;
  salutationName: string;
  purposes: Array<{ name: string }>;
  confirmUrl: string;
  /** YYYY-MM-DD: the last day the confirmation link works. */
  expiresOn: string;
}

const texts = {
  de: {
    subject: "Bitte bestätigen Sie Ihre Anmeldung",
    preview: (company: string) => `Ein Klick noch: Bitte bestätigen Sie Ihre Anmeldung bei ${company}.`,
    intro: (company: string) =>
      `vielen Dank für Ihre Anmeldung bei der ${company}. Bitte bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört und Sie mit Folgendem einverstanden sind:`,
    purposesHeading: "Sie bestätigen Ihre Einwilligung für",
    button: "Jetzt bestätigen",
    expiry: (day: string) =>
      `Der Link gilt bis zum ${day}. Erst mit Ihrer Bestätigung ist die Anmeldung wirksam.`,
    notYou:
      "Sie haben sich nicht angemeldet? Dann ignorieren Sie diese E-Mail einfach – ohne Ihre Bestätigung passiert nichts, und wir nutzen Ihre Adresse nicht für diese Zwecke.",
    withdraw: (contact: string) =>
      `Ihre Einwilligung können Sie jederzeit widerrufen, in Ihren Einstellungen oder per E-Mail an ${contact}.`,
  },
  en: {
    subject: "Please confirm your subscription",
    preview: (company: string) => `One more click: please confirm your subscription with ${company}.`,
    intro: (company: string) =>
      `thank you for signing up with ${company}. Please confirm that this e-mail address is yours and that you agree to the following:`,
    purposesHeading: "You are confirming your consent to",
    button: "Confirm now",
    expiry: (day: string) =>
      `This link works until ${day}. Your subscription only takes effect once you confirm it.`,
    notYou:
      "Didn't sign up? Then simply ignore this e-mail – nothing happens without your confirmation, and we will not use your address for these purposes.",
    withdraw: (contact: string) =>
      `You can withdraw your consent at any time, in your settings or by e-mail to ${contact}.`,
  },
} satisfies Record<EmailLanguage, unknown>;

export function doubleOptInSubject(_props: DoubleOptInProps, language: EmailLanguage): string {
  return texts[language].subject;
}

/** Double opt-in: consent to e-mail advertising is only proven by the confirmation (BGH I ZR 164/09). */
export default function DoubleOptInEmail({
  language = "de",
  ...props
}: DoubleOptInProps & { language?: EmailLanguage }) {
  const t = texts[language];
  return (
    <Layout language={language} preview={t.preview(props.company.name)} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.intro(props.company.name)}</Text>
      <Heading as="h2" style={heading}>
        {t.purposesHeading}
      </Heading>
      <ul style={list}>
        {props.purposes.map((purpose) => (
          <li key={purpose.name}>{purpose.name}</li>
        ))}
      </ul>
      <CallToAction href={props.confirmUrl} label={t.button} language={language} />
      <Text style={paragraph}>{t.expiry(formatDay(props.expiresOn, language))}</Text>
      <Text style={paragraph}>{t.notYou}</Text>
      <Text style={paragraph}>{t.withdraw(props.company.privacyContact)}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

DoubleOptInEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Erika Müller",
  purposes: [{ name: "Newsletter per E-Mail" }, { name: "Einladungen zu Kundenveranstaltungen" }],
  confirmUrl: previewLinkUrl,
  expiresOn: "2026-12-28",
} satisfies DoubleOptInProps & { language: EmailLanguage };
