import { Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatInstant } from "./format.ts";
import { previewCompany } from "./preview-data.ts";

export interface RequestVerificationProps {
  company: CompanySettings;
  /** empty: the mail reads the same whether or not the address is one we hold */
  salutationName: string;
  linkUrl: string;
  /** ISO instant: when the link stops working */
  expiresAt: string;
}

const texts = {
  de: {
    subject: "Ihre Datenschutz-Anfrage: bitte bestätigen Sie Ihre E-Mail-Adresse",
    preview: "Bestätigen Sie Ihre Adresse, dann können Sie Ihre Anfrage stellen.",
    intro:
      "Über unsere Datenschutz-Seite wurde für diese E-Mail-Adresse eine Anfrage zu personenbezogenen Daten begonnen, zum Beispiel eine Auskunft oder eine Löschung. Mit dem Link bestätigen Sie, dass die Adresse Ihnen gehört; danach wählen Sie, was Sie verlangen, und schreiben uns Ihr Anliegen.",
    button: "Anfrage stellen",
    expiry: (day: string, time: string) =>
      `Der Link gilt bis zum ${day} um ${time} und nur für eine Anfrage.`,
    notYou:
      "Sie haben nichts angefragt? Dann ignorieren Sie diese E-Mail; ohne Ihren Klick geschieht nichts.",
  },
  en: {
    subject: "Your privacy request: please confirm your e-mail address",
    preview: "Confirm your address, then you can make your request.",
    intro:
      "A request about personal data, such as access or erasure, was started for this e-mail address on our privacy site. The link confirms that the address is yours; then you choose what you ask for and write to us.",
    button: "Make my request",
    expiry: (day: string, time: string) => `The link works until ${day} at ${time}, for one request.`,
    notYou: "Didn't ask for anything? Then ignore this e-mail; nothing happens without your click.",
  },
} satisfies Record<EmailLanguage, unknown>;

export function requestVerificationSubject(_props: RequestVerificationProps, language: EmailLanguage) {
  return texts[language].subject;
}

/**
 * The microsite's request form (issue 11 #5): the link proves the requester controls the address
 * (Art. 12(6)). The same words for a known and an unknown address; no name, nothing about any data.
 */
export default function RequestVerificationEmail({
  language = "de",
  ...props
}: RequestVerificationProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const expires = formatInstant(props.expiresAt, language);
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.intro}</Text>
      <CallToAction href={props.linkUrl} label={t.button} language={language} />
      <Text style={paragraph}>{t.expiry(expires.day, expires.time)}</Text>
      <Text style={paragraph}>{t.notYou}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

RequestVerificationEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "",
  linkUrl: "http://localhost:3001/de/request/EXAMPLE-TOKEN",
  expiresAt: "2026-11-29T13:30:00.000Z",
} satisfies RequestVerificationProps & { language: EmailLanguage };
