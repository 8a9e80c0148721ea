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
} from "./documents.ts";
export { awaitDoubleOptIn } from "./double-opt-in.ts";
export {
  recordSignedConsents,
  type SignatureRefusal,
  type SignedConsents,
  type SignedGrant,
  signaturePurposes,
} from "./signature.ts";
