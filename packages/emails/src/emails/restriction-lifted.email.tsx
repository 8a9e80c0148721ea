import { Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany, previewLinkUrl } from "./preview-data.ts";

export interface RestrictionLiftedProps {
  company: CompanySettings;
  salutationName: string;
  /** YYYY-MM-DD: the day the restriction began, if known. */
  restrictedSince: string | null;
  /** YYYY-MM-DD: the day it is lifted. */
  liftedOn: string;
  settingsUrl: string;
}

const texts = {
  de: {
    subject: "Die Einschränkung der Verarbeitung Ihrer Daten wird aufgehoben",
    preview: "Wir heben die Einschränkung der Verarbeitung Ihrer Daten auf.",
    restricted: (since: string | null) =>
      since
        ? `seit dem ${since} war die Verarbeitung Ihrer personenbezogenen Daten eingeschränkt (Art. 18 DSGVO): Wir haben Ihre Daten nur gespeichert und sonst nicht genutzt.`
        : "die Verarbeitung Ihrer personenbezogenen Daten war eingeschränkt (Art. 18 DSGVO): Wir haben Ihre Daten nur gespeichert und sonst nicht genutzt.",
    lifted: (day: string) =>
      `Wie es Art. 18 Abs. 3 DSGVO vorsieht, teilen wir Ihnen mit, dass wir diese Einschränkung am ${day} aufheben. Danach verarbeiten wir Ihre Daten wieder für die Zwecke, für die eine Rechtsgrundlage besteht.`,
    rights:
      "In Ihren Datenschutz-Einstellungen sehen Sie jeden Zweck und können Einwilligungen jederzeit widerrufen. Sie können der Verarbeitung außerdem widersprechen (Art. 21 DSGVO), die Löschung verlangen (Art. 17 DSGVO) oder erneut eine Einschränkung verlangen.",
    button: "Meine Einstellungen öffnen",
    contact: (contact: string) => `Sie haben Fragen? Dann schreiben Sie uns bitte an ${contact}.`,
  },
  en: {
    subject: "The restriction of processing of your data is being lifted",
    preview: "We are lifting the restriction of processing of your data.",
    restricted: (since: string | null) =>
      since
        ? `since ${since} the processing of your personal data has been restricted (Art. 18 GDPR): we only stored your data and did not use it otherwise.`
        : "the processing of your personal data has been restricted (Art. 18 GDPR): we only stored your data and did not use it otherwise.",
    lifted: (day: string) =>
      `As Art. 18(3) GDPR provides, we are letting you know that we are lifting this restriction on ${day}. After that we process your data again for the purposes for which there is a legal basis.`,
    rights:
      "In your privacy settings you see every purpose and can withdraw any consent at any time. You can also object to the processing (Art. 21 GDPR), ask for erasure (Art. 17 GDPR) or ask for a restriction again.",
    button: "Open my settings",
    contact: (contact: string) => `Any questions? Then please write to us at ${contact}.`,
  },
} satisfies Record<EmailLanguage, unknown>;

export function restrictionLiftedSubject(_props: RestrictionLiftedProps, language: EmailLanguage): string {
  return texts[language].subject;
}

/** Art. 18(3) GDPR: the person is told when the restriction of processing of their data is lifted. */
export default function RestrictionLiftedEmail({
  language = "de",
  ...props
}: RestrictionLiftedProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const since = props.restrictedSince ? formatDay(props.restrictedSince, language) : null;
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.restricted(since)}</Text>
      <Text style={paragraph}>{t.lifted(formatDay(props.liftedOn, language))}</Text>
      <Text style={paragraph}>{t.rights}</Text>
      <CallToAction href={props.settingsUrl} label={t.button} language={language} />
      <Text style={paragraph}>{t.contact(props.company.privacyContact)}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

RestrictionLiftedEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Erika Müller",
  restrictedSince: "2026-10-05",
  liftedOn: "2026-12-28",
  settingsUrl: previewLinkUrl,
} satisfies RestrictionLiftedProps & { language: EmailLanguage };
