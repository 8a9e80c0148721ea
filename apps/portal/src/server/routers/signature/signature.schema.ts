import { z } from "zod";

export const signaturePngPrefix = "data:image/png;base64,";
/** The largest signature image accepted, decoded. */
export const maxSignatureBytes = 1024 * 1024;

export const signatureLanguage = z.enum(["de", "en"]);

export const submitSignatureInput = z.object({
  personId: z.uuid(),
  /** The language of the texts the person saw. */
  language: signatureLanguage,
  /** The ticked purposes, each with the text version shown; one purpose per checkbox (Art. 7(2) GDPR). */
  purposes: z
    .array(z.object({ purposeId: z.uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(100)
    .refine((items) => new Set(items.map((item) => item.purposeId)).size === items.length, {
      message: "Each purpose only once",
    }),
  /** The finger signature as a PNG data URL. */
  signature: z
    .string()
    .startsWith(signaturePngPrefix)
    // base64 encodes 3 bytes in 4 characters; the decoded size is checked again on the server.
    .max(signaturePngPrefix.length + Math.ceil(maxSignatureBytes / 3) * 4),
});

export type SubmitSignatureInput = z.infer<typeof submitSignatureInput>;
