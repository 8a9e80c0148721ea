export { type OutboxAttachment, readOutboxAttachment } from "./attachment.ts";
export {
  type ClaimedMessage,
  type ClaimOptions,
  claimBatchMembers,
  claimDueMessages,
  type FailOptions,
  listBatchMembers,
  markBatchFailed,
  markBatchSent,
  markCancelled,
  markCaptured,
  markFailed,
  markSent,
  pinBatch,
  releaseClaims,
  retryDelayMs,
  storeRendering,
  unpinBatch,
} from "./dispatch-queue.ts";
export { enqueueEmail, type OutgoingEmail } from "./enqueue-email.ts";
export { getOutboxMessage, listOutboxMessages, retryDeadOutboxMessage } from "./outbox-view.ts";
