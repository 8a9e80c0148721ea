export { type ApplyRecordEventInput, applyRecordEvent, type RecordEvidence } from "./apply-record-event.ts";
export { changeDirectMarketingObjection, type ObjectionChange } from "./direct-marketing-objection.ts";
export {
  type DocumentKind,
  type DocumentViewer,
  getDocument,
  MAX_DOCUMENT_BYTES,
  type NewDocument,
  openDocument,
  storeDocument,
  storePersonDocument,
} from "./documents.ts";
export { awaitDoubleOptIn } from "./double-opt-in.ts";
export { consentRequestOptions } from "./request-options.ts";
export {
  recordSignedConsents,
  type SignatureRefusal,
  type SignedConsents,
  type SignedGrant,
  signaturePurposes,
} from "./signature.ts";
export { applyStaffRecordEvent, type StaffRecordEvent } from "./staff-record-event.ts";
