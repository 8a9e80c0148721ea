import { applyRecordEvent } from "@purposeful/db";
import { allowedRecordEvents, DomainError, endOfDayExclusive } from "@purposeful/domain";
import { sendDoubleOptInConfirmation } from "@purposeful/emails";
import { z } from "zod";
import { env, linkSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import { applyRecordEventInput } from "./records.schema";

export const recordsRouter = router({
  /** Purposes of a person with the events each allows now, so the page offers only what works. */
  options: procedureFor("staff")
    .input(z.object({ personId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .selectFrom("purpose as p")
        .leftJoin("processingRecord as r", (join) =>
          join.onRef("r.purposeId", "=", "p.id").on("r.personId", "=", input.personId),
        )
        .leftJoin("purposeVersion as v", (join) =>
          join
            .onRef("v.purposeId", "=", "p.id")
            .onRef("v.version", "=", "p.currentVersion")
            .on("v.language", "=", ctx.user.locale),
        )
        .select([
          "p.id",
          "p.key",
          "v.name",
          "p.defaultLegalBasis",
          "p.doubleOptIn",
          "p.active",
          "r.state",
          "r.legalBasis",
        ])
        .orderBy("p.key")
        .execute();
      return rows
        .filter((row) => row.active || row.state !== null)
        .map((row) => {
          const basis = row.legalBasis ?? row.defaultLegalBasis;
          return {
            ...row,
            basis,
            events: row.active
              ? allowedRecordEvents(row.state, basis)
              : allowedRecordEvents(row.state, basis).filter((e) =>
                  ["withdraw", "end", "object", "expire"].includes(e),
                ),
          };
        });
    }),

  /** Records a consent, withdrawal, objection, contract start or end, with its source and evidence. */
  change: procedureFor("staff")
    .input(applyRecordEventInput)
    .mutation(async ({ ctx, input }) => {
      const at = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        let evidenceKind: "email" | "document" | "note" | null = null;
        if (input.evidenceDocumentId) {
          const document = await trx
            .selectFrom("document")
            .select(["kind", "personId"])
            .where("id", "=", input.evidenceDocumentId)
            .executeTakeFirst();
          // Evidence must belong to the same person.
          if (!document || document.personId !== input.personId)
            throw new DomainError("validation", "evidence_not_found");
          evidenceKind = document.kind === "email" ? "email" : "document";
        } else if (input.evidenceDescription) {
          evidenceKind = "note";
        }
        const result = await applyRecordEvent(trx, {
          personId: input.personId,
          purposeId: input.purposeId,
          event: input.event,
          legalBasis: input.legalBasis,
          source: input.source,
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
