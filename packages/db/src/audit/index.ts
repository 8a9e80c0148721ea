export { auditHash, canonicalJson, GENESIS_HASH } from "./audit-hash.ts";
export { decryptValue, encryptValue, personKey, shredPersonKey } from "./person-keys.ts";
export {
  type AuditQuery,
  listAuditActions,
  listAuditActors,
  listAuditEvents,
  listAuditTrail,
} from "./read-audit.ts";
export { type Actor, type AuditInput, recordAudit } from "./record-audit.ts";
export { type AuditVerification, verifyAuditChain } from "./verify-audit.ts";
