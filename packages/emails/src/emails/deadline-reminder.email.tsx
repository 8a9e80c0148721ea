import type { ReminderKind, RequestType } from "@purposeful/domain";
import { Text } from "@react-email/components";
import { CallToAction } from "../components/call-to-action.tsx";
import { type CompanySettings, type EmailLanguage, Layout } from "../components/layout.tsx";
import { Greeting, SignOff } from "../components/letter.tsx";
import { paragraph } from "../components/styles.ts";
import { formatDay } from "./format.ts";
import { previewCompany } from "./preview-data.ts";

export interface DeadlineReminderProps {
  company: CompanySettings;
  /** The staff member reminded: the assignee, the DPO or an admin. */
  salutationName: string;
  kind: ReminderKind;
  /** "DSR-2026-0007" or "INC-2026-0003"; for a follow-up the case it belongs to, if any. */
  caseNumber: string | null;
  requestType: RequestType | null;
  /** The due day (YYYY-MM-DD) of a request or follow-up. */
  dueDate: string | null;
  daysLeft: number | null;
  /** Hours since an incident's awareness the reminder stands for. */
  hours: number | null;
  extended: boolean;
  /** The case's page in the portal (or "my follow-ups"), or null where the portal's address is unknown. */
  caseUrl: string | null;
}

type Texts = {
  subject: (p: DeadlineReminderProps, day: string) => string;
  body: (p: DeadlineReminderProps, day: string) => string;
  types: Record<RequestType, string>;
  extended: string;
  button: string;
};

const texts: Record<EmailLanguage, Texts> = {
  de: {
    subject: (p, day) =>
      ({
        request_before_due: `Frist: ${p.caseNumber} ist am ${day} fällig`,
        request_due_tomorrow: `Frist: ${p.caseNumber} ist am ${day} fällig – bitte prüfen`,
        request_overdue: `Frist überschritten: ${p.caseNumber} war am ${day} fällig`,
        incident_open: `Meldefrist: ${p.caseNumber} seit ${p.hours} Stunden ohne Meldung`,
        incident_overdue: `Meldefrist überschritten: ${p.caseNumber}`,
        follow_up_overdue: `Wiedervorlage vom ${day} ist überfällig`,
      })[p.kind],
    body: (p, day) =>
      ({
        request_before_due: `die Anfrage ${p.caseNumber} ist bis zum ${day} zu beantworten (Art. 12 Abs. 3 DSGVO), in ${p.daysLeft} Tag(en).`,
        request_due_tomorrow: `die Anfrage ${p.caseNumber} ist bis zum ${day} zu beantworten (Art. 12 Abs. 3 DSGVO). Bitte prüfen Sie, ob die Antwort rechtzeitig rausgeht.`,
        request_overdue: `die Frist der Anfrage ${p.caseNumber} ist am ${day} abgelaufen (Art. 12 Abs. 3 DSGVO). Bitte kümmern Sie sich sofort darum.`,
        incident_open: `die Datenschutzverletzung ${p.caseNumber} ist seit ${p.hours} Stunden bekannt und noch nicht an die Aufsichtsbehörde gemeldet. Die Meldung ist binnen 72 Stunden ab Kenntnis fällig (Art. 33 Abs. 1 DSGVO).`,
        incident_overdue: `die Datenschutzverletzung ${p.caseNumber} ist seit über 72 Stunden bekannt und nicht gemeldet. Eine verspätete Meldung braucht die Gründe für die Verzögerung (Art. 33 Abs. 1 DSGVO).`,
        follow_up_overdue: `eine Ihrer Wiedervorlagen${p.caseNumber ? ` zu ${p.caseNumber}` : ""} war am ${day} fällig und ist noch offen. Bitte erledigen Sie sie oder verschieben Sie sie mit Begründung.`,
      })[p.kind],
    types: {
      access: "Auskunft",
      rectification: "Berichtigung",
      erasure: "Löschung",
      restriction: "Einschränkung",
      portability: "Datenübertragbarkeit",
      objection: "Widerspruch",
      consent_withdrawal: "Widerruf einer Einwilligung",
    },
    extended: "Die Frist wurde verlängert.",
    button: "Im Portal öffnen",
  },
  en: {
    subject: (p, day) =>
      ({
        request_before_due: `Deadline: ${p.caseNumber} is due on ${day}`,
        request_due_tomorrow: `Deadline: ${p.caseNumber} is due on ${day} – please check`,
        request_overdue: `Deadline missed: ${p.caseNumber} was due on ${day}`,
        incident_open: `Notification deadline: ${p.caseNumber} unreported for ${p.hours} hours`,
        incident_overdue: `Notification deadline missed: ${p.caseNumber}`,
        follow_up_overdue: `Follow-up of ${day} is overdue`,
      })[p.kind],
    body: (p, day) =>
      ({
        request_before_due: `request ${p.caseNumber} must be answered by ${day} (Art. 12(3) GDPR), in ${p.daysLeft} day(s).`,
        request_due_tomorrow: `request ${p.caseNumber} must be answered by ${day} (Art. 12(3) GDPR). Please check that the answer goes out in time.`,
        request_overdue: `the deadline of request ${p.caseNumber} ended on ${day} (Art. 12(3) GDPR). Please see to it at once.`,
        incident_open: `the personal data breach ${p.caseNumber} has been known for ${p.hours} hours and is not yet notified to the supervisory authority. Notification is due within 72 hours of awareness (Art. 33(1) GDPR).`,
        incident_overdue: `the personal data breach ${p.caseNumber} has been known for over 72 hours and is not notified. A late notification needs the reasons for the delay (Art. 33(1) GDPR).`,
        follow_up_overdue: `one of your follow-ups${p.caseNumber ? ` on ${p.caseNumber}` : ""} was due on ${day} and is still open. Please complete it or postpone it with a reason.`,
      })[p.kind],
    types: {
      access: "Access",
      rectification: "Rectification",
      erasure: "Erasure",
      restriction: "Restriction",
      portability: "Data portability",
      objection: "Objection",
      consent_withdrawal: "Consent withdrawal",
    },
    extended: "The deadline was extended.",
    button: "Open in the portal",
  },
};

const dayOf = (props: DeadlineReminderProps, language: EmailLanguage) =>
  props.dueDate ? formatDay(props.dueDate, language) : "";

export function deadlineReminderSubject(props: DeadlineReminderProps, language: EmailLanguage): string {
  return texts[language].subject(props, dayOf(props, language));
}

/** A deadline reminder to staff (issue 11 #8): the case number and its deadline, nothing about the person. */
export default function DeadlineReminderEmail({
  language = "de",
  ...props
}: DeadlineReminderProps & { language?: EmailLanguage }) {
  const t = texts[language];
  return (
    <Layout language={language} preview={deadlineReminderSubject(props, language)} company={props.company}>
      <Greeting language={language} name={props.salutationName} />
      <Text style={paragraph}>{t.body(props, dayOf(props, language))}</Text>
      {props.requestType && (
        <Text style={paragraph}>
          {t.types[props.requestType]}
          {props.extended ? ` · ${t.extended}` : ""}
        </Text>
      )}
      {props.caseUrl && <CallToAction href={props.caseUrl} label={t.button} language={language} />}
      <SignOff language={language} companyName={props.company.name} />
    </Layout>
  );
}

DeadlineReminderEmail.PreviewProps = {
  language: "de",
  company: previewCompany,
  salutationName: "Sam Sachbearbeitung",
  kind: "request_before_due",
  caseNumber: "DSR-2026-0007",
  requestType: "access",
  dueDate: "2026-11-30",
  daysLeft: 7,
  hours: null,
  extended: false,
  caseUrl: "http://localhost:3000/requests/5f0c3a4e-0000-4000-8000-000000000007",
} satisfies DeadlineReminderProps & { language: EmailLanguage };
