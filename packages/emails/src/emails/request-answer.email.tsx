import { answerNeedsRemedies, type RequestOutcome, type RequestType } from "@purposeful/domain";
import { Text } from "@react-email/components";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatInstant } from "./format.ts";
import { previewCompany } from "./preview-data.ts";
import { requestTypeWords } from "./request-words.ts";

export interface RequestAnswerProps {
  company: CompanySettings;
  salutationName: string;
  caseNumber: string;
  requestType: RequestType;
  /** ISO instant of receipt */
  receivedAt: string;
  outcome: RequestOutcome;
  /** what was done, or why not, as staff wrote it */
  message: string;
  /** Art. 77: the competent supervisory authority, where the company named it */
  authority: { name: string; address: string; url: string };
}

const texts = {
  de: {
    subject: (number: string) => `Ihre Datenschutz-Anfrage ${number}: unsere Antwort`,
    preview: "Die Antwort auf Ihre Anfrage.",
    intro: (type: string, day: string, number: string) =>
      `am ${day} haben Sie uns eine Anfrage gestellt: ${type} (Aktenzeichen ${number}).`,
    outcome: {
      fulfilled: "Wir haben Ihrer Anfrage entsprochen.",
      partially_fulfilled:
        "Wir haben Ihrer Anfrage teilweise entsprochen, aus den folgenden Gründen nicht vollständig:",
      refused: "Wir können Ihrer Anfrage aus den folgenden Gründen nicht entsprechen:",
    },
    remedies:
      "Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO) und einen gerichtlichen Rechtsbehelf einzulegen (Art. 79 DSGVO).",
    authority: (a: { name: string; address: string; url: string }) =>
      `Zuständig für uns ist: ${[a.name, a.address, a.url].filter(Boolean).join(", ")}.`,
    questions: "Bei Fragen antworten Sie einfach auf diese E-Mail und nennen Sie das Aktenzeichen.",
  },
  en: {
    subject: (number: string) => `Your privacy request ${number}: our answer`,
    preview: "The answer to your request.",
    intro: (type: string, day: string, number: string) =>
      `on ${day} you made a request to us: ${type} (case number ${number}).`,
    outcome: {
      fulfilled: "We have complied with your request.",
      partially_fulfilled:
        "We have complied with your request in part, and not in full for the following reasons:",
      refused: "We cannot comply with your request, for the following reasons:",
    },
    remedies:
      "You have the right to lodge a complaint with a data protection supervisory authority (Art. 77 GDPR) and to seek a judicial remedy (Art. 79 GDPR).",
    authority: (a: { name: string; address: string; url: string }) =>
      `The authority competent for us is: ${[a.name, a.address, a.url].filter(Boolean).join(", ")}.`,
    questions: "If you have questions, simply reply to this e-mail and quote the case number.",
  },
} satisfies Record<EmailLanguage, unknown>;

export function requestAnswerSubject(props: RequestAnswerProps, language: EmailLanguage) {
  return texts[language].subject(props.caseNumber);
}

/** Art. 12(3), (4): what was done on the request, or why not and which remedies the person has. */
export default function RequestAnswerEmail({
  language = "de",
  ...props
}: RequestAnswerProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const received = formatInstant(props.receivedAt, language);
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>
        {t.intro(requestTypeWords(props.requestType, language), received.day, props.caseNumber)}
      </Text>
      <Text style={paragraph}>{t.outcome[props.outcome]}</Text>
      {props.message.trim() && <Text style={{ ...paragraph, whiteSpace: "pre-line" }}>{props.message}</Text>}
      {answerNeedsRemedies(props.outcome) && (
        <>
          <Text style={paragraph}>{t.remedies}</Text>
          {props.authority.name && <Text style={paragraph}>{t.authority(props.authority)}</Text>}
        </>
      )}
      <Text style={paragraph}>{t.questions}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

RequestAnswerEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Frau Dr. Müller",
  caseNumber: "DSR-2026-0007",
  requestType: "erasure",
  receivedAt: "2026-11-02T09:00:00.000Z",
  outcome: "partially_fulfilled",
  message:
    "Ihre Rechnungen müssen wir nach § 147 AO zehn Jahre aufbewahren; sie sind gesperrt und werden danach gelöscht.",
  authority: {
    name: "Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg",
    address: "Lautenschlagerstraße 20, 70173 Stuttgart",
    url: "https://www.baden-wuerttemberg.datenschutz.de",
  },
} satisfies RequestAnswerProps & { language: EmailLanguage };
