import { Heading, Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { heading, paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany, previewLinkUrl, previewPurposes } from "./preview-data.ts";

export interface ConsentRequestProps {
  company: CompanySettings;
  salutationName: string;
  purposes: Array<{ name: string; description: string }>;
  linkUrl: string;
  /** YYYY-MM-DD: the last day the personal link works. */
  expiresOn: string;
}

const texts = {
  de: {
    subject: "Ihre Einwilligung: bitte kurz bestätigen",
    preview: (company: string) => `${company} fragt, ob Sie einverstanden sind.`,
    why: (company: string) =>
      `wir, die ${company}, möchten Ihre Daten für die unten genannten Zwecke nur nutzen, wenn Sie damit einverstanden sind. Deshalb fragen wir Sie – für jeden Zweck einzeln.`,
    purposesHeading: "Worum wir Sie bitten",
    button: "Meine Einstellungen öffnen",
    freeChoice:
      "Auf der Seite ist nichts vorausgewählt. Sie entscheiden für jeden Zweck selbst, ob Sie zustimmen oder nicht. Wenn Sie nichts tun, nutzen wir Ihre Daten für diese Zwecke nicht.",
    withdraw: (contact: string) =>
      `Sie können eine Einwilligung jederzeit widerrufen – genauso einfach, wie Sie sie erteilt haben, in Ihren Einstellungen oder per E-Mail an ${contact}. Der Widerruf gilt für die Zukunft; was bis dahin geschehen ist, bleibt rechtmäßig.`,
    expiry: (day: string) =>
      `Der Link ist persönlich und gilt bis zum ${day}. Bitte leiten Sie diese E-Mail nicht weiter.`,
  },
  en: {
    subject: "Your consent: a quick question",
    preview: (company: string) => `${company} is asking whether you agree.`,
    why: (company: string) =>
      `we at ${company} only want to use your data for the purposes below if you agree. That is why we are asking you – separately for each purpose.`,
    purposesHeading: "What we are asking for",
    button: "Open my settings",
    freeChoice:
      "Nothing is ticked in advance. You decide for each purpose whether you agree or not. If you do nothing, we will not use your data for these purposes.",
    withdraw: (contact: string) =>
      `You can withdraw your consent at any time – just as easily as you gave it, in your settings or by e-mail to ${contact}. Withdrawal applies from then on; what happened before remains lawful.`,
    expiry: (day: string) =>
      `This link is personal and works until ${day}. Please do not forward this e-mail.`,
  },
} satisfies Record<EmailLanguage, unknown>;

export function consentRequestSubject(_props: ConsentRequestProps, language: EmailLanguage): string {
  return texts[language].subject;
}

export default function ConsentRequestEmail({
  language = "de",
  ...props
}: ConsentRequestProps & { language?: EmailLanguage }) {
  const t = texts[language];
  return (
    <Layout language={language} preview={t.preview(props.company.name)} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.why(props.company.name)}</Text>
      <Heading as="h2" style={heading}>
        {t.purposesHeading}
      </Heading>
      {props.purposes.map((purpose) => (
        <Text key={purpose.name} style={paragraph}>
          <strong>{purpose.name}</strong>
          <br />
          {purpose.description}
        </Text>
      ))}
      <CallToAction href={props.linkUrl} label={t.button} language={language} />
      <Text style={paragraph}>{t.freeChoice}</Text>
      <Text style={paragraph}>{t.withdraw(props.company.privacyContact)}</Text>
      <Text style={paragraph}>{t.expiry(formatDay(props.expiresOn, language))}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

ConsentRequestEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Frau Dr. Müller",
  purposes: previewPurposes.de,
  linkUrl: previewLinkUrl,
  expiresOn: "2026-12-28",
} satisfies ConsentRequestProps & { language: EmailLanguage };
