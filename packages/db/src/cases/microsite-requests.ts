import { DomainError, type RequestType } from "@purposeful/domain";
import type { Database } from "../create-database.ts";
import { claimRequestLink } from "../microsite/request-links.ts";
import { createRequestCase, verifyRequestIdentity } from "./request-cases.ts";

/** The longest message a person may write on the microsite's request form. */
export const micrositeRequestMessageMax = 4000;

export interface MicrositeRequestCase {
  id: string;
  number: string;
  dueDate: string;
  receivedAt: Date;
  /** the verified address: the requester's, where the receipt goes */
  email: string;
  personId: string | null;
}

/**
 * Files a request from the microsite (issue 11 #5): uses the verification link up and opens the
 * case, received now through the microsite, from the address the link was sent to, linked to the
 * person who uses it (if any), the identity verified by that link (Art. 12(6): the requester
 * controls the address). The data subject is the actor. An unknown, expired or used link changes
 * nothing: DomainError request_link_invalid.
 */
export async function fileMicrositeRequest(
  trx: Database,
  input: { token: string; type: RequestType; message: string; now: Date },
): Promise<MicrositeRequestCase> {
  const message = input.message.trim();
  if (message.length > micrositeRequestMessageMax)
    throw new DomainError("validation", "request_message_too_long");
  const link = await claimRequestLink(trx, input.token, input.now);
  if (!link) throw new DomainError("validation", "request_link_invalid");
  const by = { staffUserId: null, at: input.now };
  const created = await createRequestCase(
    trx,
    {
      type: input.type,
      channel: "microsite",
      receivedAt: input.now,
      requesterName: null,
      requesterEmail: link.email,
      description: message || null,
      personIds: link.personId ? [link.personId] : [],
      assigneeId: null,
    },
    by,
  );
  await verifyRequestIdentity(trx, { requestId: created.id, method: "email_link", note: null }, by);
  return { ...created, receivedAt: input.now, email: link.email, personId: link.personId };
}
