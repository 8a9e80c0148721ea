import { legalBases, recordEvents, recordSources } from "@purposeful/domain";
import { z } from "zod";

export const applyRecordEventInput = z.object({
  personId: z.uuid(),
  purposeId: z.uuid(),
  event: z.enum(recordEvents),
  legalBasis: z.enum(legalBases).optional(),
  source: z.enum(recordSources),
  validUntil: z.iso.date().nullish(),
  note: z.string().trim().max(2000).nullish(),
  evidenceDocumentId: z.uuid().nullish(),
  evidenceDescription: z.string().trim().max(2000).nullish(),
});
