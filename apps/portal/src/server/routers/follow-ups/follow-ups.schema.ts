import { z } from "zod";

// The messages are domain reasons: server/errors.ts shows them in the user's language.
const day = z.iso.date({ error: "invalid_date" });

export const createFollowUpInput = z
  .object({
    requestId: z.uuid({ error: "request_not_found" }).optional(),
    incidentId: z.uuid({ error: "incident_not_found" }).optional(),
    personId: z.uuid({ error: "person_not_found" }).optional(),
    title: z.string().trim().min(1).max(200),
    note: z
      .string()
      .trim()
      .max(5000)
      .nullish()
      .transform((value) => value || null),
    dueOn: day,
    assigneeId: z.string().min(1).max(100),
  })
  .refine((input) => [input.requestId, input.incidentId, input.personId].filter(Boolean).length === 1, {
    error: "follow_up_about_required",
  });

export const followUpIdInput = z.object({ followUpId: z.uuid({ error: "follow_up_not_found" }) });

// The reason's length is the domain's rule (checkFollowUpPostpone); here only an upper bound.
export const postponeFollowUpInput = followUpIdInput.extend({ dueOn: day, reason: z.string().max(2000) });
