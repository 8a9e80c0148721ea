import { createHash } from "node:crypto";
import {
  type ClaimedMessage,
  claimBatchMembers,
  claimDueMessages,
  type Database,
  fillLinkTokens,
  listBatchMembers,
  mapHeaderValues,
  markBatchFailed,
  markBatchSent,
  markCancelled,
  markCaptured,
  markSent,
  type OutboxAttachment,
  pinBatch,
  readOutboxAttachment,
  releaseClaims,
  unpinBatch,
} from "@purposeful/db";
import type { OutboundAttachment, OutboundMessage, Transport } from "../transport/resend.ts";
import { renderQueuedMails } from "./render-queued.ts";

export interface DispatchOptions {
  /** null (no RESEND_API_KEY): mails are kept as `captured` for the outbox page, never dropped. */
  transport: Transport | null;
  now: () => Date;
  from: string;
  /**
   * LINK_SECRET: stored mails hold placeholders for their personal links' tokens, derived from it
   * only for the copy handed to the provider. Required with a transport.
   */
  linkSecret?: string;
  /** Where personal links point: needed to render mails queued unrendered (mass requests). */
  micrositeUrl?: string;
  /** The portal, linked from mails to staff queued unrendered (the retention summary). */
  portalUrl?: string;
  batchSize?: number;
  maxAttempts?: number;
  /** How long a claim is this dispatcher's; must exceed the provider's answer time by far. */
  leaseSeconds?: number;
}

export interface DispatchSummary {
  claimed: number;
  sent: number;
  captured: number;
  /** Failed attempts that will be retried after their backoff. */
  failed: number;
  dead: number;
  /** Claims handed back untried (their batch was partly claimed by another dispatcher). */
  deferred: number;
  /**
   * Mails never sent: queued unrendered for a person who may no longer be contacted, or carrying an
   * attachment whose document was deleted meanwhile.
   */
  cancelled: number;
}

/** The idempotency key of a batch request: a function of its members only, not of the attempt. */
export function batchIdempotencyKey(ids: string[]): string {
  const digest = createHash("sha256")
    .update([...ids].sort().join(","))
    .digest("hex");
  return `outbox-batch:${digest}`;
}

function toOutbound(
  row: ClaimedMessage,
  from: string,
  linkSecret: string,
  attachment?: OutboxAttachment,
): OutboundMessage {
  const fill = (text: string) => fillLinkTokens(text, linkSecret);
  // Rendered by `renderQueuedMails` before anything is handed over; a pinned batch was rendered first.
  if (row.subject === null || row.html === null || row.text === null)
    throw new Error(`unrendered mail ${row.id}`);
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    from,
    to: row.toAddress,
    subject: row.subject,
    html: fill(row.html),
    text: fill(row.text),
    headers: mapHeaderValues((row.headers ?? {}) as Record<string, string>, fill),
    ...(attachment ? { attachments: [toAttachment(attachment)] } : {}),
  };
}

const toAttachment = (file: OutboxAttachment): OutboundAttachment => ({
  filename: file.fileName,
  content: file.content,
  contentType: file.contentType,
});

/**
 * One dispatch round: claims due mails and hands them to the provider.
 *
 * Never twice: a row becomes `sent` only after the provider accepted it, and every request carries
 * an idempotency key, so a repeat of a request whose outcome is unknown (the process died between
 * the provider's acceptance and `markSent`, the answer was lost, a 5xx) is deduplicated by the
 * provider (Resend keeps keys for 24 h, far beyond the longest backoff of 1 h):
 * - a mail sent alone always uses its own outbox key;
 * - a batch uses one key for all its members, so its members are pinned to it *before* the request
 *   (`dispatch_batch`) and, until the provider has certainly refused it (4xx), are only ever
 *   offered again as that identical batch — never one by one under other keys;
 * - only mails never offered before are put into new batches, and never one with an attachment.
 * Safe concurrently: claims use `FOR UPDATE SKIP LOCKED` and leases, outcomes are fenced by the
 * claim's attempt count.
 */
export async function dispatchOutbox(db: Database, options: DispatchOptions): Promise<DispatchSummary> {
  const { transport, now, from } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const summary: DispatchSummary = {
    claimed: 0,
    sent: 0,
    captured: 0,
    failed: 0,
    dead: 0,
    deferred: 0,
    cancelled: 0,
  };
  const { linkSecret } = options;
  if (transport && !linkSecret) throw new Error("LINK_SECRET is required to send mails through a provider");

  const claimed = await claimDueMessages(db, { now: now(), limit: options.batchSize ?? 50, leaseSeconds });
  summary.claimed = claimed.length;
  if (claimed.length === 0) return summary;
  const { ready: claims, cancelled } = await renderQueuedMails(
    db,
    claimed,
    { micrositeUrl: options.micrositeUrl, portalUrl: options.portalUrl },
    now(),
  );
  summary.cancelled = cancelled;

  if (!transport) {
    summary.captured = await markCaptured(
      db,
      claims.map((claim) => claim.id),
      now(),
    );
    return summary;
  }

  const count = (statuses: ("pending" | "dead" | null)[]) => {
    for (const status of statuses) {
      if (status === "pending") summary.failed++;
      if (status === "dead") summary.dead++;
    }
  };

  const sendAlone = async (row: ClaimedMessage, attachment?: OutboxAttachment) => {
    const outcome = await transport.send(toOutbound(row, from, linkSecret ?? "", attachment));
    if (outcome.ok) {
      if (await markSent(db, row.id, outcome.providerId, now())) summary.sent++;
      return;
    }
    count(await markBatchFailed(db, [row], outcome.error, now(), { maxAttempts, seed: row.id }));
  };

  /**
   * A mail with a stored document attached: its content is read now, for this mail only. If the
   * document is gone (an erasure deleted it after the mail was queued), the mail is cancelled: it
   * must not go out without what it announces, nor with a copy of deleted data.
   */
  const sendAttached = async (row: ClaimedMessage) => {
    const attachment = row.attachmentDocumentId ? await readOutboxAttachment(db, row.id) : null;
    if (!attachment) {
      if (await markCancelled(db, row, "attachment_deleted")) summary.cancelled++;
      return;
    }
    await sendAlone(row, attachment);
  };

  /** Offers a pinned batch (members sorted by id, so a repeat is byte-identical) under its key. */
  const sendPinned = async (key: string, rows: ClaimedMessage[]): Promise<ClaimedMessage[]> => {
    const members = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    const outcome = await transport.sendBatch(
      members.map((row) => toOutbound(row, from, linkSecret ?? "")),
      key,
    );
    if (outcome.ok) {
      const sent = members.map((row, index) => ({
        id: row.id,
        providerMessageId: outcome.providerIds[index] ?? null,
      }));
      await markBatchSent(db, sent, now());
      summary.sent += members.length;
      return [];
    }
    if (outcome.definite) {
      // Refused as a whole: nothing was sent, so each may now go alone under its own key.
      await unpinBatch(
        db,
        members.map((row) => row.id),
      );
      return members;
    }
    count(await markBatchFailed(db, members, outcome.error, now(), { maxAttempts, seed: key }));
    return [];
  };

  const alone: ClaimedMessage[] = [];
  const fresh: ClaimedMessage[] = [];
  // Never in a batch (Resend's batch endpoint takes no attachments), so never pinned to one.
  const attached: ClaimedMessage[] = [];
  const pinned = new Map<string, ClaimedMessage[]>();
  for (const claim of claims) {
    if (claim.dispatchBatch)
      pinned.set(claim.dispatchBatch, [...(pinned.get(claim.dispatchBatch) ?? []), claim]);
    else if (claim.hasAttachment) attached.push(claim);
    else if (claim.attempts === 1) fresh.push(claim);
    else alone.push(claim);
  }

  for (const [key, mine] of pinned) {
    const members = await listBatchMembers(db, key);
    const have = new Set(mine.map((row) => row.id));
    if (members.some((member) => !have.has(member.id))) {
      const more = await claimBatchMembers(db, key, { now: now(), leaseSeconds });
      summary.claimed += more.length;
      mine.push(...more);
      for (const row of more) have.add(row.id);
    }
    const missing = members.filter((member) => !have.has(member.id));
    if (missing.some((member) => member.status === "sent")) {
      // A batch is accepted as a whole: a sent member means the others were delivered too.
      await markBatchSent(
        db,
        mine.map((row) => ({ id: row.id, providerMessageId: null })),
        now(),
      );
      summary.sent += mine.length;
    } else if (missing.some((member) => member.status === "pending" || member.status === "sending")) {
      // Another dispatcher holds part of the batch: hand ours back, one of us will get all of it.
      await releaseClaims(db, mine, now());
      summary.deferred += mine.length;
    } else if (missing.length > 0) {
      // Members left the batch (a DPO retried a dead one): the batch cannot be repeated exactly.
      await unpinBatch(
        db,
        mine.map((row) => row.id),
      );
      alone.push(...mine);
    } else {
      alone.push(...(await sendPinned(key, mine)));
    }
  }

  for (let start = 0; start < fresh.length; start += transport.maxBatch) {
    const chunk = fresh.slice(start, start + transport.maxBatch);
    if (chunk.length === 1) {
      alone.push(...chunk);
      continue;
    }
    const ids = chunk.map((row) => row.id);
    const key = batchIdempotencyKey(ids);
    await pinBatch(db, ids, key);
    alone.push(...(await sendPinned(key, chunk)));
  }

  // A few at a time: the provider's rate limit is per second, not per connection.
  for (let start = 0; start < alone.length; start += 4)
    await Promise.all(alone.slice(start, start + 4).map((row) => sendAlone(row)));
  // One at a time: each holds its document in memory (up to 10 MB, a third more as base64).
  for (const row of attached) await sendAttached(row);
  return summary;
}
