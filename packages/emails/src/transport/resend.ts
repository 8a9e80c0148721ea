import { type CreateEmailOptions, Resend } from "resend";

/** A file attached to a mail (the access report's PDF, when the DPO chose that delivery). */
export interface OutboundAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** One rendered mail as the provider receives it. */
export interface OutboundMessage {
  /** The outbox row id; sent along as the tag `outbox_id` so webhooks can be mapped back. */
  id: string;
  /** The outbox message's own key, sent as `Idempotency-Key` when the mail goes alone. */
  idempotencyKey: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Only on a mail sent alone: Resend's batch endpoint takes no attachments. */
  attachments?: OutboundAttachment[];
}

/**
 * `definite`: the provider certainly did not accept the request (a 4xx answer other than 408/409),
 * so its messages may be offered again in any other form. Otherwise (no answer, a timeout, a 5xx,
 * an idempotency conflict) the request may have been accepted and must only be repeated exactly.
 */
export interface TransportFailure {
  ok: false;
  error: string;
  definite: boolean;
}

export type SendOutcome = { ok: true; providerId: string | null } | TransportFailure;
export type BatchOutcome = { ok: true; providerIds: (string | null)[] } | TransportFailure;

export interface Transport {
  /** The most messages one batch request may carry. */
  readonly maxBatch: number;
  send(message: OutboundMessage): Promise<SendOutcome>;
  /** All or nothing, like Resend's strict batch validation; ids in the order of `messages`. */
  sendBatch(messages: OutboundMessage[], idempotencyKey: string): Promise<BatchOutcome>;
}

interface ProviderError {
  message: string;
  statusCode: number | null;
  name: string;
}

function failure(error: ProviderError): TransportFailure {
  const status = error.statusCode;
  const definite =
    typeof status === "number" && status >= 400 && status < 500 && status !== 408 && status !== 409;
  return { ok: false, error: `${status ?? "no response"} ${error.name}: ${error.message}`, definite };
}

function toResend(message: OutboundMessage): CreateEmailOptions {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    headers: message.headers,
    tags: [{ name: "outbox_id", value: message.id }],
    // The SDK sends the bytes base64-encoded as `content`, with `filename` and `content_type`.
    ...(message.attachments?.length
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        }
      : {}),
  };
}

export interface ResendTransportOptions {
  apiKey: string;
  /** Defaults to RESEND_BASE_URL or https://api.resend.com (the SDK's own rule). */
  baseUrl?: string;
}

/**
 * Resend through its SDK. The SDK never throws for HTTP trouble: it returns `{ data, error }`, with
 * `statusCode: null` when the server could not be reached; both become a `TransportFailure`.
 */
export function createResendTransport(options: ResendTransportOptions): Transport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    maxBatch: 100,
    async send(message) {
      try {
        const { data, error } = await resend.emails.send(toResend(message), {
          idempotencyKey: message.idempotencyKey,
        });
        if (error) return failure(error);
        return { ok: true, providerId: data?.id ?? null };
      } catch (cause) {
        return { ok: false, error: `transport: ${String(cause)}`, definite: false };
      }
    },
    async sendBatch(messages, idempotencyKey) {
      // Resend would refuse the whole batch; nothing was sent, so the members may go alone.
      if (messages.some((message) => message.attachments?.length))
        return { ok: false, error: "attachments cannot go in a batch", definite: true };
      try {
        const { data, error } = await resend.batch.send(messages.map(toResend), { idempotencyKey });
        if (error) return failure(error);
        return { ok: true, providerIds: messages.map((_, index) => data?.data?.[index]?.id ?? null) };
      } catch (cause) {
        return { ok: false, error: `transport: ${String(cause)}`, definite: false };
      }
    },
  };
}
