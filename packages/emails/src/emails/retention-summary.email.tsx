import type { RetentionAction } from "@purposeful/domain";
import { Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany } from "./preview-data.ts";

export interface RetentionSummaryProps {
  company: CompanySettings;
  /** The data protection officer, as named in the company settings. */
  salutationName: string;
  action: RetentionAction;
  /** The controller's day the run judged retention against (YYYY-MM-DD). */
  today: string;
  due: number;
  erased: number;
  queued: number;
  failed: number;
  heldDeleted: number;
  /** The portal's Retention page, or null where the portal's address is unknown. */
  retentionUrl: string | null;
}

const texts = {
  de: {
    subject: (day: string) => `Aufbewahrung: Lauf vom ${day}`,
    preview: "Was der tägliche Aufbewahrungslauf getan hat, in Zahlen.",
    intro: (day: string) =>
      `der Aufbewahrungslauf vom ${day} ist abgeschlossen. Diese E-Mail nennt nur Zahlen, keine Personen; die Einzelheiten stehen im Portal.`,
    action: {
      erase_level_3: "Vollständig löschen (Stufe 3)",
      erase_level_2: "Kommunikationsdaten löschen (Stufe 2)",
      erase_level_1: "Widerrufen und sperren (Stufe 1)",
      review: "Zur Prüfung vorlegen",
    },
    actionLabel: "Eingestellte Maßnahme",
    due: "Fällige Kontakte",
    erased: "Gelöscht",
    queued: "Zur Prüfung vorgelegt",
    failed: "Fehlgeschlagen (werden beim nächsten Lauf erneut versucht)",
    heldDeleted: "Aufbewahrte Unterlagen nach Fristende gelöscht",
    review: (n: number) =>
      n > 0 ? `${n} Kontakte warten auf Ihre Entscheidung: löschen oder die Aufbewahrung verlängern.` : "",
    button: "Aufbewahrung im Portal öffnen",
  },
  en: {
    subject: (day: string) => `Retention: run of ${day}`,
    preview: "What the daily retention run did, in figures.",
    intro: (day: string) =>
      `the retention run of ${day} has finished. This e-mail gives figures only, no persons; the details are in the portal.`,
    action: {
      erase_level_3: "Erase completely (level 3)",
      erase_level_2: "Delete communication data (level 2)",
      erase_level_1: "Withdraw and block (level 1)",
      review: "Queue for review",
    },
    actionLabel: "Configured action",
    due: "Contacts due",
    erased: "Erased",
    queued: "Queued for your review",
    failed: "Failed (retried by the next run)",
    heldDeleted: "Held items deleted after their hold ended",
    review: (n: number) => (n > 0 ? `${n} contacts await your decision: erase them or postpone.` : ""),
    button: "Open retention in the portal",
  },
} satisfies Record<EmailLanguage, unknown>;

export function retentionSummarySubject(props: RetentionSummaryProps, language: EmailLanguage): string {
  return texts[language].subject(formatDay(props.today, language));
}

/** The summary of a retention run, to the data protection officer (Art. 5(1)(e), 5(2) GDPR). */
export default function RetentionSummaryEmail({
  language = "de",
  ...props
}: RetentionSummaryProps & { language?: EmailLanguage }) {
  const t = texts[language];
  const day = formatDay(props.today, language);
  const review = t.review(props.queued);
  return (
    <Layout language={language} preview={t.preview} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.intro(day)}</Text>
      <Text style={paragraph}>
        {t.actionLabel}: {t.action[props.action]}
        <br />
        {t.due}: {props.due}
        <br />
        {t.erased}: {props.erased}
        <br />
        {t.queued}: {props.queued}
        <br />
        {t.failed}: {props.failed}
        <br />
        {t.heldDeleted}: {props.heldDeleted}
      </Text>
      {review && <Text style={paragraph}>{review}</Text>}
      {props.retentionUrl && <CallToAction href={props.retentionUrl} label={t.button} language={language} />}
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

RetentionSummaryEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Dana Datenschutz",
  action: "erase_level_3",
  today: "2026-11-29",
  due: 1240,
  erased: 1237,
  queued: 0,
  failed: 3,
  heldDeleted: 18,
  retentionUrl: "http://localhost:3000/retention",
} satisfies RetentionSummaryProps & { language: EmailLanguage };
