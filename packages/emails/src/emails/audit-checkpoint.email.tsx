import { Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatInstant } from "./format.ts";
import { previewCompany } from "./preview-data.ts";

export interface AuditCheckpointProps {
  company: CompanySettings;
  /** The data protection officer, as named in the company settings. */
  salutationName: string;
  checkpointId: number;
  lastEventId: number;
  lastHash: string;
  eventCount: number;
  /** ISO instant the head was signed. */
  createdAt: string;
  signature: string;
  /** The portal's audit page, where the trail is verified. */
  auditUrl: string;
}

const texts = {
  de: {
    subject: (id: number) => `Prüfpunkt ${id} des Prüfprotokolls`,
    preview: "Der signierte Stand des Prüfprotokolls zum Aufbewahren.",
    intro: (day: string, time: string) =>
      `am ${day} um ${time} wurde der aktuelle Stand des Prüfprotokolls signiert. Bitte bewahren Sie diese E-Mail außerhalb der Datenbank auf: Wer die Datenbank ändert, kann diesen Stand nicht nachträglich anpassen.`,
    lastEvent: "Letztes Ereignis",
    hash: "Hash",
    count: "Ereignisse insgesamt",
    signature: "Signatur",
    check:
      "Die Prüfung im Portal (oder `npm run audit:verify`) meldet einen Fehler, wenn das Protokoll nicht mehr zu diesem Stand führt. Stimmt der dort gezeigte Stand nicht mit dieser E-Mail überein, wurde das Protokoll verändert.",
    button: "Prüfprotokoll verifizieren",
  },
  en: {
    subject: (id: number) => `Audit trail checkpoint ${id}`,
    preview: "The signed state of the audit trail, for safekeeping.",
    intro: (day: string, time: string) =>
      `on ${day} at ${time} the current state of the audit trail was signed. Please keep this e-mail outside the database: whoever changes the database cannot adjust this record afterwards.`,
    lastEvent: "Last event",
    hash: "Hash",
    count: "Events in total",
    signature: "Signature",
    check:
      "The check in the portal (or `npm run audit:verify`) reports an error when the trail no longer leads to this state. If the state shown there differs from this e-mail, the trail was changed.",
    button: "Verify the audit trail",
  },
} satisfies Record<EmailLanguage, unknown>;

export function auditCheckpointSubject(props: AuditCheckpointProps, language: EmailLanguage): string {
  return texts[language].subject(props.checkpointId);
}

const mono = {
  ...paragraph,
  fontFamily: "Menlo, Consolas, monospace",
  fontSize: "13px",
  wordBreak: "break-all",
} as const;

/** The daily signed head of the audit chain, to the data protection officer (Art. 5(2), 32 GDPR). */
export default function AuditCheckpointEmail({
  language = "de",
  ...props
}: AuditCheckpointProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const { day, time } = formatInstant(props.createdAt, language);
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.intro(day, time)}</Text>
      <Text style={mono}>
        {t.lastEvent}: #{props.lastEventId}
        <br />
        {t.hash}: {props.lastHash}
        <br />
        {t.count}: {props.eventCount}
        <br />
        {t.signature}: {props.signature}
      </Text>
      <Text style={paragraph}>{t.check}</Text>
      <CallToAction href={props.auditUrl} label={t.button} language={language} />
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

AuditCheckpointEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Dana Datenschutz",
  checkpointId: 42,
  lastEventId: 18_204,
  lastHash: "9f2c4e1b7a0d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f",
  eventCount: 18_204,
  createdAt: "2026-11-29T02:00:00.000Z",
  signature: "3b8e0c1d2f4a5b6c7d8e9f00112233445566778899aabbccddeeff0011223344",
  auditUrl: "http://localhost:3000/audit",
} satisfies AuditCheckpointProps & { language: EmailLanguage };
