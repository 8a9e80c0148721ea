import { Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany, previewLinkUrl } from "./preview-data.ts";

export interface SettingsLinkProps {
  company: CompanySettings;
  salutationName: string;
  linkUrl: string;
  /** YYYY-MM-DD: the last day the link works. */
  expiresOn: string;
}

const texts = {
  de: {
    subject: "Ihr neuer Link zu Ihren Datenschutz-Einstellungen",
    preview: "Hier ist der neue Link zu Ihren Einstellungen.",
    intro:
      "Sie haben einen neuen Link zu Ihren Datenschutz-Einstellungen angefordert. Dort sehen Sie jeden Zweck mit seinem vollständigen Text und können Einwilligungen erteilen oder widerrufen.",
    button: "Meine Einstellungen öffnen",
    expiry: (day: string) => `Der Link gilt bis zum ${day}.`,
    notYou: "Sie haben keinen Link angefordert? Dann ignorieren Sie diese E-Mail; es ändert sich nichts.",
  },
  en: {
    subject: "Your new link to your privacy settings",
    preview: "Here is the new link to your settings.",
    intro:
      "You asked for a new link to your privacy settings. There you see every purpose with its full text and can give or withdraw consent.",
    button: "Open my settings",
    expiry: (day: string) => `This link works until ${day}.`,
    notYou: "Didn't ask for a link? Then ignore this e-mail; nothing changes.",
  },
} satisfies Record<EmailLanguage, unknown>;

export function settingsLinkSubject(_props: SettingsLinkProps, language: EmailLanguage): string {
  return texts[language].subject;
}

/** Answers "send me a new link" from the microsite's invalid-link page. */
export default function SettingsLinkEmail({
  language = "de",
  ...props
}: SettingsLinkProps & { language?: EmailLanguage }) {
  const t = texts[language];
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.intro}</Text>
      <CallToAction href={props.linkUrl} label={t.button} language={language} />
      <Text style={paragraph}>{t.expiry(formatDay(props.expiresOn, language))}</Text>
      <Text style={paragraph}>{t.notYou}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

SettingsLinkEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Erika Müller",
  linkUrl: previewLinkUrl,
  expiresOn: "2026-12-28",
} satisfies SettingsLinkProps & { language: EmailLanguage };
