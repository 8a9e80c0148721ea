import { personSortFields } from "@purposeful/db";
import { z } from "zod";

export const lightSchema = z.enum(["green", "yellow", "red"]);

export const listPersonsInput = z.object({
  search: z.string().trim().max(100).optional(),
  light: lightSchema.optional(),
  purposeId: z.uuid().optional(),
  sort: z.object({ field: z.enum(personSortFields), direction: z.enum(["asc", "desc"]) }).optional(),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const personIdInput = z.object({ personId: z.uuid() });
