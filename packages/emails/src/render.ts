import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { EmailLanguage } from "./components/layout.tsx";
import AccessReportAttachedEmail, {
  type AccessReportAttachedProps,
  accessReportAttachedSubject,
} from "./emails/access-report-attached.email.tsx";
import AccessReportNoticeEmail, {
  type AccessReportNoticeProps,
  accessReportNoticeSubject,
} from "./emails/access-report-notice.email.tsx";
import AuditCheckpointEmail, {
  type AuditCheckpointProps,
  auditCheckpointSubject,
} from "./emails/audit-checkpoint.email.tsx";
import BreachNoticeEmail, {
  type BreachNoticeProps,
  breachNoticeSubject,
} from "./emails/breach-notice.email.tsx";
import ConsentReceiptEmail, {
  type ConsentReceiptProps,
  consentReceiptSubject,
} from "./emails/consent-receipt.email.tsx";
import ConsentRequestEmail, {
  type ConsentRequestProps,
  consentRequestSubject,
} from "./emails/consent-request.email.tsx";
import DeadlineReminderEmail, {
  type DeadlineReminderProps,
  deadlineReminderSubject,
} from "./emails/deadline-reminder.email.tsx";
import DoubleOptInEmail, {
  type DoubleOptInProps,
  doubleOptInSubject,
} from "./emails/double-opt-in.email.tsx";
import RequestAnswerEmail, {
  type RequestAnswerProps,
  requestAnswerSubject,
} from "./emails/request-answer.email.tsx";
import RequestExtensionEmail, {
  type RequestExtensionProps,
  requestExtensionSubject,
} from "./emails/request-extension.email.tsx";
import RequestReceiptEmail, {
  type RequestReceiptProps,
  requestReceiptSubject,
} from "./emails/request-receipt.email.tsx";
import RequestVerificationEmail, {
  type RequestVerificationProps,
  requestVerificationSubject,
} from "./emails/request-verification.email.tsx";
import RestrictionLiftedEmail, {
  type RestrictionLiftedProps,
  restrictionLiftedSubject,
} from "./emails/restriction-lifted.email.tsx";
import RetentionSummaryEmail, {
  type RetentionSummaryProps,
  retentionSummarySubject,
} from "./emails/retention-summary.email.tsx";
import SettingsLinkEmail, {
  type SettingsLinkProps,
  settingsLinkSubject,
} from "./emails/settings-link.email.tsx";

export type { CompanySettings, EmailLanguage } from "./components/layout.tsx";
export type {
  AccessReportAttachedProps,
  AccessReportNoticeProps,
  AuditCheckpointProps,
  BreachNoticeProps,
  ConsentReceiptProps,
  ConsentRequestProps,
  DeadlineReminderProps,
  DoubleOptInProps,
  RequestAnswerProps,
  RequestExtensionProps,
  RequestReceiptProps,
  RequestVerificationProps,
  RestrictionLiftedProps,
  RetentionSummaryProps,
  SettingsLinkProps,
};

export interface EmailPropsByTemplate {
  "consent-request": ConsentRequestProps;
  "double-opt-in": DoubleOptInProps;
  "consent-receipt": ConsentReceiptProps;
  "settings-link": SettingsLinkProps;
  "audit-checkpoint": AuditCheckpointProps;
  "restriction-lifted": RestrictionLiftedProps;
  "retention-summary": RetentionSummaryProps;
  "access-report-notice": AccessReportNoticeProps;
  "access-report-attached": AccessReportAttachedProps;
  "request-verification": RequestVerificationProps;
  "request-receipt": RequestReceiptProps;
  "request-extension": RequestExtensionProps;
  "request-answer": RequestAnswerProps;
  "deadline-reminder": DeadlineReminderProps;
  "breach-notice": BreachNoticeProps;
}

export type EmailTemplate = keyof EmailPropsByTemplate;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

type LanguageProp = { language?: EmailLanguage };

/** What each `<name>.email.tsx` provides: its component (with PreviewProps) and its subject line. */
export interface EmailDefinition<P> {
  component: ((props: P & LanguageProp) => ReactElement) & { PreviewProps: P & LanguageProp };
  subject: (props: P, language: EmailLanguage) => string;
}

/** Keyed by the file name without `.email.tsx`; the mapped type makes a missing template a type error. */
export const emailTemplates: { [T in EmailTemplate]: EmailDefinition<EmailPropsByTemplate[T]> } = {
  "consent-request": { component: ConsentRequestEmail, subject: consentRequestSubject },
  "double-opt-in": { component: DoubleOptInEmail, subject: doubleOptInSubject },
  "consent-receipt": { component: ConsentReceiptEmail, subject: consentReceiptSubject },
  "settings-link": { component: SettingsLinkEmail, subject: settingsLinkSubject },
  "audit-checkpoint": { component: AuditCheckpointEmail, subject: auditCheckpointSubject },
  "restriction-lifted": { component: RestrictionLiftedEmail, subject: restrictionLiftedSubject },
  "retention-summary": { component: RetentionSummaryEmail, subject: retentionSummarySubject },
  "access-report-notice": { component: AccessReportNoticeEmail, subject: accessReportNoticeSubject },
  "access-report-attached": { component: AccessReportAttachedEmail, subject: accessReportAttachedSubject },
  "request-verification": { component: RequestVerificationEmail, subject: requestVerificationSubject },
  "request-receipt": { component: RequestReceiptEmail, subject: requestReceiptSubject },
  "request-extension": { component: RequestExtensionEmail, subject: requestExtensionSubject },
  "request-answer": { component: RequestAnswerEmail, subject: requestAnswerSubject },
  "deadline-reminder": { component: DeadlineReminderEmail, subject: deadlineReminderSubject },
  "breach-notice": { component: BreachNoticeEmail, subject: breachNoticeSubject },
};

// Headings stay in their own case in the text version (html-to-text upper-cases them by default).
const textOptions = {
  selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
};

export async function renderEmail<T extends EmailTemplate>(
  template: T,
  props: EmailPropsByTemplate[T],
  language: EmailLanguage,
): Promise<RenderedEmail> {
  return renderDefinition<EmailPropsByTemplate[T]>(emailTemplates[template], props, language);
}

async function renderDefinition<P extends object>(
  definition: EmailDefinition<P>,
  props: P,
  language: EmailLanguage,
): Promise<RenderedEmail> {
  const html = await render(createElement(definition.component, { ...props, language }));
  return { subject: definition.subject(props, language), html, text: toPlainText(html, textOptions) };
}
