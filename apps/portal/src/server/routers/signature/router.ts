import { recordSignedConsents, type SignatureRefusal, signaturePurposes } from "@purposeful/db";
import { DomainError } from "@purposeful/domain";
import { sendDoubleOptInConfirmation } from "@purposeful/emails";
import { env, linkSecret } from "../../../env";
import { UserFacingError } from "../../errors";
import { procedureFor, router } from "../../trpc";
import { personIdInput } from "../persons/persons.schema";
import { maxSignatureBytes, signaturePngPrefix, submitSignatureInput } from "./signature.schema";

const pngMagic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes the PNG data URL; refuses anything that is not a PNG of at most 1 MB. */
function decodeSignature(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(signaturePngPrefix.length);
  if (base64.length % 4 !== 0 || !base64Pattern.test(base64))
    throw new UserFacingError("BAD_REQUEST", "signature_invalid");
  const bytes = Buffer.from(base64, "base64");
  if (
    bytes.byteLength > maxSignatureBytes ||
    bytes.byteLength < pngMagic.length ||
    pngMagic.some((byte, i) => bytes[i] !== byte)
  )
    throw new UserFacingError("BAD_REQUEST", "signature_invalid");
  return new Uint8Array(bytes);
}

/** The refusals of `recordSignedConsents` as the errors the tablet has always received. */
function refuse(reason: SignatureRefusal): never {
  if (reason === "person_not_found") throw new DomainError("not_found", "person_not_found");
  if (reason === "purpose_not_signable") throw new DomainError("validation", "purpose_not_signable");
  throw new UserFacingError("CONFLICT", "texts_changed");
}

export const signatureRouter = router({
  /**
   * The purposes a person can consent to on the signature tablet: active, consent by default, each
   * with its current text version in full, in both languages, and the language the person prefers
   * (Art. 7(2) GDPR).
   */
  purposes: procedureFor("staff", { kiosk: true })
    .input(personIdInput)
    .query(async ({ ctx, input }) => {
      const result = await signaturePurposes(ctx.db, input.personId);
      if (!result) throw new DomainError("not_found", "person_not_found");
      return result;
    }),

  /**
   * Records the consents a person signed for on the tablet: the signature image is stored as the
   * evidence, and each ticked purpose is granted with the exact texts shown (Art. 7(1) GDPR).
   */
  submit: procedureFor("staff", { kiosk: true })
    .input(submitSignatureInput)
    .mutation(async ({ ctx, input }) => {
      const content = decodeSignature(input.signature);
      const at = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const result = await recordSignedConsents(trx, {
          personId: input.personId,
          language: input.language,
          purposes: input.purposes,
          content,
          staffUserId: ctx.user.id,
          at,
        });
        if (!result.ok) refuse(result.reason);
        const { documentId, granted } = result;
        const needsConfirmation = granted.filter((g) => g.needsConfirmation);
        await sendDoubleOptInConfirmation(trx, {
          personId: input.personId,
          purposeIds: needsConfirmation.map((g) => g.purposeId),
          micrositeUrl: env.MICROSITE_URL,
          linkSecret: linkSecret(),
          at,
        });
        return { documentId, granted, needsConfirmation };
      });
    }),
});
