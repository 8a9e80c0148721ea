import type { Language } from "@purposeful/domain";
import type { Database } from "../create-database.ts";

export interface OutgoingEmail {
  /** Unique per logical mail (e.g. `consent-request:{linkId}`); a second enqueue with it is a no-op. */
  idempotencyKey: string;
  personId: string | null;
  to: string;
  template: string;
  language: Language;
  /** The template's props, kept so the outbox page can show what was rendered and why. */
  props: Record<string, unknown>;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /**
   * A stored document to attach (the access report's PDF). The row keeps only its id: the
   * dispatcher reads the content when it sends this mail, and a mail whose document was deleted in
   * the meantime (an erasure) is cancelled, never sent without it.
   */
  attachmentDocumentId?: string;
  at: Date;
}

/**
 * Puts a rendered mail into the outbox inside the caller's transaction: the change and its mail
 * commit together, and nothing is sent before the commit (the dispatcher sends later).
 */
export async function enqueueEmail(trx: Database, mail: OutgoingEmail): Promise<string | null> {
  const row = await trx
    .insertInto("outboxMessage")
    .values({
      idempotencyKey: mail.idempotencyKey,
      personId: mail.personId,
      toAddress: mail.to,
      template: mail.template,
      language: mail.language,
      props: JSON.stringify(mail.props),
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: JSON.stringify(mail.headers ?? {}),
      attachmentDocumentId: mail.attachmentDocumentId ?? null,
      hasAttachment: mail.attachmentDocumentId !== undefined,
      status: "pending",
      nextAttemptAt: mail.at,
      createdAt: mail.at,
    })
    .onConflict((oc) => oc.column("idempotencyKey").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}
