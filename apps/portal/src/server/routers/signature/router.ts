import { applyRecordEvent, storeDocument } from "@purposeful/db";
import { calendarDateAt, DomainError, formatCalendarDate, type Language } from "@purposeful/domain";
import { sendDoubleOptInConfirmation } from "@purposeful/emails";
import { env, linkSecret } from "../../../env";
import { UserFacingError } from "../../errors";
import { procedureFor, router } from "../../trpc";
import { personIdInput } from "../persons/persons.schema";
import { maxSignatureBytes, signaturePngPrefix, submitSignatureInput } from "./signature.schema";

type Texts = Partial<Record<Language, { name: string; description: string }>>;

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

export const signatureRouter = router({
  /**
   * The purposes a person can consent to on the signature tablet: active, consent by default, each
   * with its current text version in full, in both languages, and the language the person prefers
   * (Art. 7(2) GDPR).
   */
  purposes: procedureFor("staff", { kiosk: true })
    .input(personIdInput)
    .query(async ({ ctx, input }) => {
      const person = await ctx.db
        .selectFrom("person")
        .select("preferredLanguage")
        .where("id", "=", input.personId)
        .executeTakeFirst();
      if (!person) throw new DomainError("not_found", "person_not_found");
      const rows = await ctx.db
        .selectFrom("purpose as p")
        .innerJoin("purposeVersion as v", (join) =>
          join.onRef("v.purposeId", "=", "p.id").onRef("v.version", "=", "p.currentVersion"),
        )
        .select([
          "p.id",
          "p.key",
          "p.currentVersion",
          "p.doubleOptIn",
          "v.language",
          "v.name",
          "v.description",
        ])
        .where("p.active", "=", true)
        .where("p.defaultLegalBasis", "=", "consent")
        .orderBy("p.key")
        .execute();
      const byId = new Map<
        string,
        { id: string; key: string; version: number; doubleOptIn: boolean; texts: Texts }
      >();
      for (const row of rows) {
        const purpose = byId.get(row.id) ?? {
          id: row.id,
          key: row.key,
          version: row.currentVersion,
          doubleOptIn: row.doubleOptIn,
          texts: {},
        };
        purpose.texts[row.language] = { name: row.name, description: row.description };
        byId.set(row.id, purpose);
      }
      return { preferredLanguage: person.preferredLanguage, purposes: [...byId.values()] };
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
      const actor = { type: "staff" as const, id: ctx.user.id };
      return ctx.db.transaction().execute(async (trx) => {
        const person = await trx
          .selectFrom("person")
          .select("id")
          .where("id", "=", input.personId)
          .executeTakeFirst();
        if (!person) throw new DomainError("not_found", "person_not_found");
        const ids = input.purposes.map((p) => p.purposeId);
        const purposes = await trx
          .selectFrom("purpose as p")
          .leftJoin("purposeVersion as v", (join) =>
            join
              .onRef("v.purposeId", "=", "p.id")
              .onRef("v.version", "=", "p.currentVersion")
              .on("v.language", "=", input.language),
          )
          .select([
            "p.id",
            "p.key",
            "p.currentVersion",
            "p.active",
            "p.defaultLegalBasis",
            "v.name",
            "v.description",
          ])
          .where("p.id", "in", ids)
          // Locks the purposes so their texts cannot change until the consents are written.
          .forUpdate("p")
          .execute();
        const byId = new Map(purposes.map((p) => [p.id, p]));
        const shown = input.purposes.map(({ purposeId, version }) => {
          const purpose = byId.get(purposeId);
          if (!purpose?.active || purpose.defaultLegalBasis !== "consent")
            throw new DomainError("validation", "purpose_not_signable");
          // The person must have seen the current text; otherwise nothing is recorded.
          if (purpose.currentVersion !== version || purpose.name === null || purpose.description === null)
            throw new UserFacingError("CONFLICT", "texts_changed");
          return {
            purposeId,
            purposeKey: purpose.key,
            version,
            language: input.language,
            name: purpose.name,
            description: purpose.description,
          };
        });

        const documentId = await storeDocument(trx, {
          personId: input.personId,
          kind: "signature",
          fileName: `signature-${formatCalendarDate(calendarDateAt(at))}.png`,
          contentType: "image/png",
          content,
          metadata: {
            language: input.language,
            staffUserId: ctx.user.id,
            purposes: shown.map((p) => ({ key: p.purposeKey, version: p.version })),
          },
          actor,
          at,
        });

        const granted = [];
        for (const { purposeId, ...text } of shown) {
          const result = await applyRecordEvent(trx, {
            personId: input.personId,
            purposeId,
            event: "grant",
            source: "signature",
            purposeVersion: text.version,
            evidence: { kind: "signature", documentId, shownTexts: [text] },
            actor,
            at,
          });
          granted.push({
            purposeId,
            key: text.purposeKey,
            name: text.name,
            state: result.record.state,
            needsConfirmation: result.needsConfirmation,
          });
        }
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
