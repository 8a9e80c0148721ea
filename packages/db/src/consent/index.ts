export { type ApplyRecordEventInput, applyRecordEvent, type RecordEvidence } from "./apply-record-event.ts";
export { changeDirectMarketingObjection, type ObjectionChange } from "./direct-marketing-objection.ts";
export {
  type DocumentKind,
  getDocument,
  MAX_DOCUMENT_BYTES,
  type NewDocument,
  storeDocument,
} from "./documents.ts";
export { awaitDoubleOptIn } from "./double-opt-in.ts";
