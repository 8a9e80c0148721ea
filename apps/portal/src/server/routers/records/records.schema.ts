import { channels, legalBases, recordEvents, staffRecordSources } from "@purposeful/domain";
import { z } from "zod";

/** A change staff record on a person's purpose. */
export const applyRecordEventInput = z.object({
  personId: z.uuid(),
  purposeId: z.uuid(),
  event: z.enum(recordEvents),
  legalBasis: z.enum(legalBases).optional(),
  // Art. 7(1) GDPR: staff state how it reached them; microsite, signature and api have their own paths.
  source: z.enum(staffRecordSources),
  /** the day the person gave the consent (offline consents are recorded later) */
  givenOn: z.iso.date().optional(),
  /** the text version the person agreed to (default: the version live on that day) */
  purposeVersion: z.number().int().min(1).optional(),
  validUntil: z.iso.date().nullish(),
  note: z.string().trim().max(2000).nullish(),
  evidenceDocumentId: z.uuid().nullish(),
  evidenceDescription: z.string().trim().max(2000).nullish(),
  /** Art. 8(1) GDPR: the holder of parental responsibility named by the attached evidence */
  parentalConsentHolder: z.string().trim().min(2).max(200).optional(),
  /** UWG §7(3) no. 4: the person was told of the right to object when the address was collected */
  toldRightToObject: z.boolean().optional(),
});

/** Objection to direct marketing: channels added or lifted, how it reached us, what was said. */
export const objectionInput = z
  .object({
    personId: z.uuid(),
    add: z.array(z.enum(channels)).max(channels.length).default([]),
    lift: z.array(z.enum(channels)).max(channels.length).default([]),
    source: z.enum(staffRecordSources),
    note: z.string().trim().max(2000).nullish(),
  })
  .refine((value) => value.add.length + value.lift.length > 0, { message: "no_channels", path: ["add"] })
  .refine((value) => value.lift.length === 0 || Boolean(value.note), {
    message: "note_required",
    path: ["note"],
  });
