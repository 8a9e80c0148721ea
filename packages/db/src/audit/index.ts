export { auditHash, canonicalJson, GENESIS_HASH } from "./audit-hash.ts";
export { AuditKeyPlugin, auditKekOf, generateAuditKek, parseAuditKek } from "./audit-kek.ts";
export {
  type AuditCheckpoint,
  checkpointSignatureValid,
  latestAuditCheckpoint,
  markCheckpointMailed,
  signCheckpoint,
  writeAuditCheckpoint,
} from "./checkpoint.ts";
export {
  decryptValue,
  encryptValue,
  type PersonKey,
  personKey,
  personKeys,
  shredPersonKey,
} from "./person-keys.ts";
export {
  type AuditQuery,
  listAuditActions,
  listAuditActors,
  listAuditEvents,
  listAuditTrail,
} from "./read-audit.ts";
export {
  type Actor,
  type AppendedEvent,
  type AuditInput,
  PERSONAL_ERASED,
  recordAudit,
  recordAuditBatch,
} from "./record-audit.ts";
export { type AuditProblem, type AuditVerification, verifyAuditChain } from "./verify-audit.ts";
