import {
  identityMethods,
  languages,
  requestChannels,
  requestOutcomes,
  requestTypes,
} from "@purposeful/domain";
import { z } from "zod";

// The messages are domain reasons: server/errors.ts shows them in the user's language.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || null)
    .nullish()
    .transform((value) => value ?? null);

// 10 MB of mail is 13.4 MB of base64; the document store refuses more than its limit anyway.
const checkedInEmail = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.base64().max(14_000_000),
});

export const parseEmailInput = checkedInEmail;

export const listRequestsInput = z.object({ state: z.enum(["open", "closed", "all"]).default("open") });

export const createRequestInput = z.object({
  type: z.enum(requestTypes),
  channel: z.enum(requestChannels),
  receivedAt: z.coerce.date({ error: "request_received_required" }),
  requesterName: optionalText(300),
  requesterEmail: z
    .email()
    .max(320)
    .nullish()
    .transform((value) => value ?? null),
  description: optionalText(20_000),
  personIds: z
    .array(z.uuid({ error: "person_not_found" }))
    .max(50)
    .default([]),
  assigneeId: z
    .string()
    .max(100)
    .nullish()
    .transform((value) => value ?? null),
  /** the request mail checked in (.eml), base64: kept as evidence and linked to the case */
  email: checkedInEmail.nullish(),
});

export const personCasesInput = z.object({ personId: z.uuid({ error: "person_not_found" }) });

export const requestIdInput = z.object({ requestId: z.uuid({ error: "request_not_found" }) });

export const verifyIdentityInput = requestIdInput.extend({
  method: z.enum(identityMethods),
  note: optionalText(2000),
});

export const completeStepInput = requestIdInput.extend({
  key: z.string().min(1).max(100),
  skipReason: z.string().max(2000).nullish(),
  note: optionalText(5000),
  /** what the step produced, when it ran from the case (the erasure it did) */
  result: z
    .object({ erasureId: z.uuid() })
    .nullish()
    .transform((value) => value ?? null),
});

export const assignInput = requestIdInput.extend({
  assigneeId: z
    .string()
    .max(100)
    .nullish()
    .transform((value) => value || null),
});

export const linkRequestItemInput = requestIdInput.extend({
  kind: z.enum(["activity", "document"]),
  itemId: z.uuid({ error: "case_item_not_found" }),
});

export const extendInput = requestIdInput.extend({ reason: z.string().max(2000) });

/** Art. 12(3): the extension notice, in the language the DPO chooses for the requester. */
export const extensionNoticeInput = requestIdInput.extend({ language: z.enum(languages) });

export const answerInput = requestIdInput.extend({
  language: z.enum(languages),
  outcome: z.enum(requestOutcomes),
  message: z.string().max(10_000),
});
