import { riskLevels } from "@purposeful/domain";
import { z } from "zod";
import { listPersonsInput } from "../persons/persons.schema";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const approx = z
  .number()
  .int()
  .min(0)
  .max(1_000_000_000)
  .nullish()
  .transform((value) => value ?? null);

export const createIncidentInput = z.object({
  title: z.string().trim().min(1).max(300),
  awareAt: z.coerce.date({ error: "incident_aware_required" }),
  occurredAt: z.coerce
    .date()
    .nullish()
    .transform((value) => value ?? null),
  discoveredBy: optionalText(300),
  nature: z.string().trim().max(20_000),
  dataCategories: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  subjectsApprox: approx,
  recordsApprox: approx,
  personIds: z
    .array(z.uuid({ error: "person_not_found" }))
    .max(10_000)
    .default([]),
});

export const listIncidentsInput = z.object({ state: z.enum(["open", "closed", "all"]).default("open") });

export const incidentIdInput = z.object({ incidentId: z.uuid({ error: "incident_not_found" }) });

export const linkIncidentItemInput = incidentIdInput.extend({
  kind: z.enum(["activity", "document"]),
  itemId: z.uuid({ error: "case_item_not_found" }),
});

export const linkPersonsInput = incidentIdInput.extend({
  personIds: z
    .array(z.uuid({ error: "person_not_found" }))
    .max(1000)
    .nullish(),
  listId: z.uuid({ error: "list_not_found" }).nullish(),
  /** the persons list's filter: what the persons list shows for it */
  filter: listPersonsInput.pick({ search: true, light: true, purposeId: true, purposeState: true }).nullish(),
});

export const assessInput = incidentIdInput.extend({
  risk: z.enum(riskLevels),
  reasons: z.string().max(5000),
  consequences: optionalText(5000),
  measures: optionalText(5000),
});

export const completeIncidentStepInput = incidentIdInput.extend({
  key: z.string().min(1).max(100),
  skipReason: z.string().max(2000).nullish(),
  note: optionalText(5000),
  notifiedAt: z.coerce.date().nullish(),
  delayReason: z.string().max(5000).nullish(),
});
