import { Heading, Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { heading, list, paragraph } from "../components/styles.ts";
import { formatInstant } from "./format.ts";
import { previewCompany, previewLinkUrl } from "./preview-data.ts";

export interface ConsentReceiptProps {
  company: CompanySettings;
  salutationName: string;
  /** Purpose names consented to in this change. */
  granted: string[];
  /** Purpose names withdrawn in this change. */
  withdrawn: string[];
  settingsUrl: string | null;
  /** ISO instant of the change; shown in the controller's time zone (Europe/Berlin). */
  changedAt: string;
}

const texts = {
  de: {
    subject: "Ihre Datenschutz-Einstellungen wurden geändert",
    preview: (company: string) => `Bestätigung Ihrer Änderung bei ${company}.`,
    intro: (company: string, at: { day: string; time: string }) =>
      `hiermit bestätigen wir, dass Ihre Datenschutz-Einstellungen bei der ${company} am ${at.day} um ${at.time} geändert wurden.`,
    grantedHeading: "Sie haben eingewilligt in",
    withdrawnHeading: "Sie haben Ihre Einwilligung widerrufen für",
    nothingChanged: "Dabei hat sich nichts geändert: Ihre Einwilligungen sind dieselben wie vorher.",
    button: "Meine Einstellungen öffnen",
    withdraw:
      "Sie können jede Einwilligung jederzeit widerrufen – genauso einfach, wie Sie sie erteilt haben. Der Widerruf gilt für die Zukunft.",
    contact: (contact: string) =>
      `Sie haben nichts geändert oder haben Fragen? Dann schreiben Sie uns bitte an ${contact}.`,
  },
  en: {
    subject: "Your privacy settings were changed",
    preview: (company: string) => `Confirmation of your change with ${company}.`,
    intro: (company: string, at: { day: string; time: string }) =>
      `we confirm that your privacy settings with ${company} were changed on ${at.day} at ${at.time}.`,
    grantedHeading: "You gave your consent to",
    withdrawnHeading: "You withdrew your consent to",
    nothingChanged: "Nothing changed: your consents are the same as before.",
    button: "Open my settings",
    withdraw:
      "You can withdraw any consent at any time – just as easily as you gave it. Withdrawal applies from then on.",
    contact: (contact: string) =>
      `You did not make this change, or you have questions? Then please write to us at ${contact}.`,
  },
} satisfies Record<EmailLanguage, unknown>;

export function consentReceiptSubject(_props: ConsentReceiptProps, language: EmailLanguage): string {
  return texts[language].subject;
}

function PurposeSection(props: { title: string; purposes: string[] }) {
  if (props.purposes.length === 0) return null;
  return (
    <>
      <Heading as="h2" style={heading}>
        {props.title}
      </Heading>
      <ul style={list}>
        {props.purposes.map((purpose) => (
          <li key={purpose}>{purpose}</li>
        ))}
      </ul>
    </>
  );
}

export default function ConsentReceiptEmail({
  language = "de",
  ...props
}: ConsentReceiptProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const nothingChanged = props.granted.length === 0 && props.withdrawn.length === 0;
  return (
    <Layout language={language} preview={t.preview(props.company.name)} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.intro(props.company.name, formatInstant(props.changedAt, language))}</Text>
      <PurposeSection title={t.grantedHeading} purposes={props.granted} />
      <PurposeSection title={t.withdrawnHeading} purposes={props.withdrawn} />
      {nothingChanged ? <Text style={paragraph}>{t.nothingChanged}</Text> : null}
      {props.settingsUrl === null ? null : (
        <CallToAction href={props.settingsUrl} label={t.button} language={language} />
      )}
      <Text style={paragraph}>{t.withdraw}</Text>
      <Text style={paragraph}>{t.contact(props.company.privacyContact)}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

ConsentReceiptEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Frau Dr. Müller",
  granted: ["Newsletter per E-Mail"],
  withdrawn: ["Einladungen zu Kundenveranstaltungen"],
  settingsUrl: previewLinkUrl,
  changedAt: "2026-11-29T13:30:00Z",
} satisfies ConsentReceiptProps & { language: EmailLanguage };
