export { type CompanySettings, type EmailLanguage, Layout } from "./components/layout.tsx";
export { sendAccessReportAttached, sendAccessReportNotice } from "./flows/access-report-mails.ts";
export { type CheckpointSummary, createAuditCheckpoint } from "./flows/audit-checkpoint.ts";
export { campaignLettersPdf, lettersPerPart, previewCampaignLetter } from "./flows/campaign-letters.ts";
export { previewCampaignMail } from "./flows/campaign-previews.ts";
export {
  sendConsentReceipt,
  sendConsentRequest,
  sendDoubleOptInConfirmation,
  sendSettingsLink,
  unsubscribeHeaders,
} from "./flows/consent-mails.ts";
export { companyForMail, loadRecipient, purposeTexts, type Recipient } from "./flows/recipient.ts";
export {
  fileRequestFromMicrosite,
  sendExtensionNotice,
  sendRequestAnswer,
  sendRequestVerificationLink,
} from "./flows/request-mails.ts";
export { sendRestrictionLiftedNotice } from "./flows/restriction-mails.ts";
export { renderAuthorityNotificationPdf } from "./letters/render-authority-notification.ts";
export {
  type ConsentLetter,
  type ConsentLettersInput,
  letterProblem,
  maxAddressLines,
  previewConsentLetter,
  renderConsentLetters,
  renderConsentLettersToBuffer,
} from "./letters/render-letters.ts";
export {
  batchIdempotencyKey,
  type DispatchOptions,
  type DispatchSummary,
  dispatchOutbox,
} from "./outbox/dispatch.ts";
export {
  type AuditCheckpointProps,
  type ConsentReceiptProps,
  type ConsentRequestProps,
  type DoubleOptInProps,
  type EmailDefinition,
  type EmailPropsByTemplate,
  type EmailTemplate,
  emailTemplates,
  type RenderedEmail,
  type RestrictionLiftedProps,
  type RetentionSummaryProps,
  renderEmail,
} from "./render.ts";
export { renderAccessReportPdf } from "./reports/render-access-report.ts";
export {
  auditValuesInWords,
  reportCalendarDay,
  reportCountry,
  reportDay,
  reportFileSize,
  reportIban,
  reportMoment,
} from "./reports/report-format.ts";
export {
  type AccessReportTexts,
  accessReportTexts,
  durationInWords,
  storagePeriodInWords,
} from "./reports/report-texts.ts";
export {
  type BatchOutcome,
  createResendTransport,
  type OutboundMessage,
  type ResendTransportOptions,
  type SendOutcome,
  type Transport,
  type TransportFailure,
} from "./transport/resend.ts";
