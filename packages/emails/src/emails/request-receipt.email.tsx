import type { RequestType } from "@purposeful/domain";
import { Text } from "@react-email/components";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatDay, formatInstant } from "./format.ts";
import { previewCompany } from "./preview-data.ts";
import { requestTypeWords } from "./request-words.ts";

export interface RequestReceiptProps {
  company: CompanySettings;
  salutationName: string;
  caseNumber: string;
  requestType: RequestType;
  /** ISO instant of receipt */
  receivedAt: string;
  /** YYYY-MM-DD: the day we answer by */
  dueOn: string;
}

const texts = {
  de: {
    subject: (number: string) => `Ihre Datenschutz-Anfrage ist eingegangen (${number})`,
    preview: "Wir haben Ihre Anfrage erhalten und antworten innerhalb eines Monats.",
    received: (type: string, day: string, time: string) =>
      `wir haben Ihre Anfrage am ${day} um ${time} erhalten: ${type}.`,
    number: (number: string) => `Ihr Aktenzeichen: ${number}. Bitte nennen Sie es, wenn Sie uns schreiben.`,
    due: (day: string) =>
      `Wir antworten Ihnen bis spätestens ${day}. So verlangt es Art. 12 Abs. 3 DSGVO: innerhalb eines Monats nach Eingang. Ist eine Anfrage besonders umfangreich oder schwierig, kann sich die Frist um zwei weitere Monate verlängern; dann sagen wir es Ihnen noch innerhalb des ersten Monats, mit den Gründen.`,
    free: "Die Bearbeitung ist für Sie kostenlos.",
  },
  en: {
    subject: (number: string) => `We received your privacy request (${number})`,
    preview: "We received your request and will answer within one month.",
    received: (type: string, day: string, time: string) =>
      `we received your request on ${day} at ${time}: ${type}.`,
    number: (number: string) => `Your case number: ${number}. Please quote it when you write to us.`,
    due: (day: string) =>
      `We will answer by ${day} at the latest, as Art. 12(3) GDPR requires: within one month of receipt. Where a request is particularly complex or numerous, the period may be extended by two further months; we would then tell you within the first month, with the reasons.`,
    free: "Handling your request is free of charge.",
  },
} satisfies Record<EmailLanguage, unknown>;

export function requestReceiptSubject(props: RequestReceiptProps, language: EmailLanguage) {
  return texts[language].subject(props.caseNumber);
}

/** The receipt of a request filed on the microsite: what, when, the case number and the due date. */
export default function RequestReceiptEmail({
  language = "de",
  ...props
}: RequestReceiptProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const received = formatInstant(props.receivedAt, language);
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>
        {t.received(requestTypeWords(props.requestType, language), received.day, received.time)}
      </Text>
      <Text style={paragraph}>{t.number(props.caseNumber)}</Text>
      <Text style={paragraph}>{t.due(formatDay(props.dueOn, language))}</Text>
      <Text style={paragraph}>{t.free}</Text>
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

RequestReceiptEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "",
  caseNumber: "DSR-2026-0007",
  requestType: "access",
  receivedAt: "2026-11-02T09:00:00.000Z",
  dueOn: "2026-12-02",
} satisfies RequestReceiptProps & { language: EmailLanguage };
