import { z } from "zod";

export const outboxStatuses = ["pending", "sending", "sent", "captured", "dead", "cancelled"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const listOutboxInput = z.object({
  status: z.enum(outboxStatuses).optional(),
  /** The id of the last row of the previous page (keyset on created_at DESC, id). */
  afterId: z.uuid().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const outboxMessageInput = z.object({ id: z.uuid() });
