import { maxCsvBytes } from "@purposeful/db";
import { channels } from "@purposeful/domain";
import { z } from "zod";
import { listPersonsInput } from "../persons/persons.schema";

const name = z.string().max(200);
const personIds = z.array(z.uuid()).max(5000);

export const listIdInput = z.object({ listId: z.uuid() });
export const listListsInput = z.object({
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const listMembersInput = listIdInput.extend({
  search: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const createListInput = z.object({ name });
export const createFromFilterInput = z.object({
  name,
  filter: listPersonsInput.pick({ search: true, light: true, purposeId: true, purposeState: true }),
});
export const createFromPersonsInput = z.object({ name, personIds });
export const membersInput = listIdInput.extend({ personIds });
export const renameListInput = listIdInput.extend({ name });

// Characters, not bytes: a little above the byte limit, which the repository checks with its own
// message; anything bigger is not even read as a list file.
const csv = z.string().max(maxCsvBytes + 1024 * 1024);
export const csvInput = z.object({ csv });
export const importInput = listIdInput.extend({
  csv,
  mapping: z.object({
    email: z.number().int().min(0).max(500),
    firstName: z.number().int().min(0).max(500).nullish(),
    lastName: z.number().int().min(0).max(500).nullish(),
  }),
});

const checkSettings = {
  purposeIds: z.array(z.uuid()).min(1, "no_purposes").max(20),
  // profiling is processing, not a way to contact anyone
  channel: z.enum(channels).exclude(["profiling"]),
};
export const checkListInput = listIdInput.extend(checkSettings);
export const checkMembersInput = listIdInput.extend({
  ...checkSettings,
  // a verdict ('admissible' or a refusal reason); an unknown one simply matches nobody
  reason: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/)
    .nullish(),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const checkHistoryInput = listIdInput.extend({
  limit: z.number().int().min(1).max(50).default(10),
});
