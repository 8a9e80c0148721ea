import type { RequestType } from "@purposeful/domain";
import { Text } from "@react-email/components";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatDay, formatInstant } from "./format.ts";
import { previewCompany } from "./preview-data.ts";
import { requestTypeWords } from "./request-words.ts";

export interface RequestExtensionProps {
  company: CompanySettings;
  salutationName: string;
  caseNumber: string;
  requestType: RequestType;
  /** ISO instant of receipt */
  receivedAt: string;
  /** why the extension is necessary, as the DPO wrote it */
  reason: string;
  /** YYYY-MM-DD: the extended due date */
  dueOn: string;
}

const texts = {
  de: {
    subject: (number: string) => `Ihre Datenschutz-Anfrage ${number}: wir brauchen länger`,
    preview: "Die Frist für die Antwort auf Ihre Anfrage verlängert sich um zwei Monate.",
    intro: (type: string, day: string, number: string) =>
      `am ${day} haben Sie uns eine Anfrage gestellt: ${type} (Aktenzeichen ${number}).`,
    extended:
      "Wir können sie nicht innerhalb eines Monats vollständig beantworten. Art. 12 Abs. 3 DSGVO erlaubt uns, die Frist um zwei weitere Monate zu verlängern, wenn das wegen der Komplexität oder der Zahl der Anfragen nötig ist. Davon machen wir Gebrauch, aus diesem Grund:",
    due: (day: string) => `Wir antworten Ihnen jetzt bis spätestens ${day}.`,
    sooner: "Sobald wir früher fertig sind, hören Sie früher von uns.",
  },
  en: {
    subject: (number: string) => `Your privacy request ${number}: we need more time`,
    preview: "The period for answering your request is extended by two months.",
    intro: (type: string, day: string, number: string) =>
      `on ${day} you made a request to us: ${type} (case number ${number}).`,
    extended:
      "We cannot answer it in full within one month. Art. 12(3) GDPR allows us to extend the period by two further months where necessary, taking into account the complexity and number of the requests. We are doing so, for this reason:",
    due: (day: string) => `We will now answer by ${day} at the latest.`,
    sooner: "If we finish earlier, you will hear from us earlier.",
  },
} satisfies Record<EmailLanguage, unknown>;

export function requestExtensionSubject(props: RequestExtensionProps, language: EmailLanguage) {
  return texts[language].subject(props.caseNumber);
}

/** Art. 12(3) sentence 3: the person is told of the extension, with the reasons, within the first month. */
export default function RequestExtensionEmail({
  language = "de",
  ...props
}: RequestExtensionProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const received = formatInstant(props.receivedAt, language);
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>
        {t.intro(requestTypeWords(props.requestType, language), received.day, props.caseNumber)}
      </Text>
      <Text style={paragraph}>{t.extended}</Text>
      <Text style={{ ...paragraph, fontStyle: "italic" }}>{props.reason}</Text>
      <Text style={paragraph}>{t.due(formatDay(props.dueOn, language))}</Text>
      <Text style={paragraph}>{t.sooner}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

RequestExtensionEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Frau Dr. Müller",
  caseNumber: "DSR-2026-0007",
  requestType: "access",
  receivedAt: "2026-11-02T09:00:00.000Z",
  reason: "Drei Anfragen gleichzeitig und zwölf Jahre Unterlagen, die wir sichten müssen.",
  dueOn: "2027-02-02",
} satisfies RequestExtensionProps & { language: EmailLanguage };
