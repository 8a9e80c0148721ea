import {
  applyRecordEvent,
  changeDirectMarketingObjection,
  recordOptions,
  versionLiveAt,
} from "@purposeful/db";
import { calendarDateAt, DomainError, endOfDayExclusive, formatCalendarDate } from "@purposeful/domain";
import { sendDoubleOptInConfirmation } from "@purposeful/emails";
import { z } from "zod";
import { env, linkSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import { applyRecordEventInput, objectionInput } from "./records.schema";

export const recordsRouter = router({
  /** Purposes of a person with what may be recorded on each now, and their text versions. */
  options: procedureFor("staff")
    .input(z.object({ personId: z.uuid() }))
    .query(({ ctx, input }) => recordOptions(ctx.db, input.personId, ctx.user.locale)),

  /**
   * Records or lifts the person's objection to direct marketing (Art. 21(2),(3)) on channels, at any
   * time and also in advance; lifting needs the person's own later statement, stated in the note.
   */
  objection: procedureFor("staff")
    .input(objectionInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((trx) =>
        changeDirectMarketingObjection(trx, {
          personId: input.personId,
          add: input.add,
          lift: input.lift,
          source: input.source,
          note: input.note ?? null,
          actor: { type: "staff", id: ctx.user.id },
          at: ctx.now(),
        }),
      ),
    ),

  /** Records a consent, withdrawal, objection, contract start or end, with its source and evidence. */
  change: procedureFor("staff")
    .input(applyRecordEventInput)
    .mutation(async ({ ctx, input }) => {
      const at = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        let evidenceKind: "email" | "document" | "note" | "parental_consent" | null = null;
        if (input.evidenceDocumentId) {
          const document = await trx
            .selectFrom("document")
            .select(["kind", "personId"])
            .where("id", "=", input.evidenceDocumentId)
            .executeTakeFirst();
          // Evidence must belong to the same person.
          if (!document || document.personId !== input.personId)
            throw new DomainError("validation", "evidence_not_found");
          evidenceKind = input.parentalConsentHolder
            ? "parental_consent"
            : document.kind === "email"
              ? "email"
              : "document";
        } else if (input.evidenceDescription) {
          evidenceKind = "note";
        }
        // An offline consent is given on a day and to a text: the last instant of that day (or now,
        // today), and by default the version live then.
        const today = formatCalendarDate(calendarDateAt(at));
        const givenAt =
          input.givenOn && input.givenOn !== today
            ? new Date(endOfDayExclusive(input.givenOn).getTime() - 1)
            : at;
        const purposeVersion =
          input.event === "grant"
            ? await versionLiveAt(trx, input.purposeId, givenAt, input.purposeVersion)
            : undefined;
        const result = await applyRecordEvent(trx, {
          personId: input.personId,
          purposeId: input.purposeId,
          event: input.event,
          legalBasis: input.legalBasis,
          source: input.source,
          givenAt,
          purposeVersion,
          // "Valid through" a calendar day in the controller's time zone.
          validUntil: input.validUntil
            ? endOfDayExclusive(input.validUntil)
            : input.validUntil === null
              ? null
              : undefined,
          note: input.note ?? null,
          evidence: evidenceKind
            ? {
                kind: evidenceKind,
                documentId: input.evidenceDocumentId ?? null,
                description: input.evidenceDescription ?? null,
                parentalConsentHolder: input.parentalConsentHolder ?? null,
              }
            : null,
          actor: { type: "staff", id: ctx.user.id },
          at,
        });
        if (result.needsConfirmation) {
          await sendDoubleOptInConfirmation(trx, {
            personId: input.personId,
            purposeIds: [input.purposeId],
            micrositeUrl: env.MICROSITE_URL,
            linkSecret: linkSecret(),
            at,
          });
        }
        const isConsent =
          result.record.legalBasis === "consent" && ["grant", "confirm"].includes(input.event);
        return {
          state: result.record.state,
          needsConfirmation: result.needsConfirmation,
          // Art. 7(1) GDPR: a consent without evidence cannot be demonstrated.
          withoutEvidence: isConsent && !evidenceKind,
        };
      });
    }),
});
