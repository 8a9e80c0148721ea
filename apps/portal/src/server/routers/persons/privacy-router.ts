import {
  addBankAccount,
  clearManualRetention,
  liftRestriction,
  personPrivacy,
  restrictProcessing,
  setBankAccountRetention,
  setDocumentRetention,
  setManualRetention,
} from "@purposeful/db";
import { DomainError } from "@purposeful/domain";
import { sendRestrictionLiftedNotice } from "@purposeful/emails";
import { env, linkSecret } from "../../../env";
import { procedureFor } from "../../trpc";
import { inTransaction } from "./edit-router";
import { personIdInput } from "./persons.schema";
import {
  addBankAccountInput,
  bankAccountRetentionInput,
  documentRetentionInput,
  manualRetentionInput,
  restrictionInput,
} from "./privacy.schema";

const staff = procedureFor("staff");

/** Restriction (Art. 18), the manual retention date and retention classes, from the person page. */
export const personPrivacyProcedures = {
  /** Restriction and retention facts, with who set the manual date when. */
  privacy: staff.input(personIdInput).query(async ({ ctx, input }) => {
    const privacy = await personPrivacy(ctx.db, input.personId);
    if (!privacy) throw new DomainError("not_found", "person_not_found");
    return privacy;
  }),

  /** Art. 18(1): restricts processing with a reason; audited. */
  restrict: staff
    .input(restrictionInput)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx, (trx, actor, at) =>
        restrictProcessing(trx, input.personId, { reason: input.reason }, actor, at),
      ),
    ),

  /**
   * Lifts the restriction with a reason and, in the same transaction, queues the notice to the person
   * (Art. 18(3)) when they have a primary address; `noticeQueued` says whether one was.
   */
  liftRestriction: staff.input(restrictionInput).mutation(({ ctx, input }) =>
    inTransaction(ctx, async (trx, actor, at) => {
      const { restrictedAt } = await liftRestriction(
        trx,
        input.personId,
        { reason: input.reason },
        actor,
        at,
      );
      const outboxId = await sendRestrictionLiftedNotice(trx, {
        personId: input.personId,
        restrictedAt,
        micrositeUrl: env.MICROSITE_URL,
        linkSecret: linkSecret(),
        at,
      });
      return { noticeQueued: outboxId !== null };
    }),
  ),

  /** A retain-until date set by hand (longer or shorter than the computed one), with a reason. */
  setRetentionDate: staff
    .input(manualRetentionInput)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx, (trx, actor, at) =>
        setManualRetention(trx, input.personId, { until: input.until, reason: input.reason }, actor, at),
      ),
    ),

  /** Removes the manual date; the computed one applies again. */
  clearRetentionDate: staff.input(personIdInput).mutation(async ({ ctx, input }) => ({
    cleared: await inTransaction(ctx, (trx, actor, at) =>
      clearManualRetention(trx, input.personId, actor, at),
    ),
  })),

  /** A document's retention class (HGB §257, AO §147) and the date it counts from. */
  setDocumentRetention: staff.input(documentRetentionInput).mutation(({ ctx, input }) => {
    const { documentId, ...retention } = input;
    return inTransaction(ctx, (trx, actor, at) =>
      setDocumentRetention(trx, documentId, retention, actor, at),
    );
  }),

  /** A bank account's retention class and the date it counts from. */
  setBankAccountRetention: staff.input(bankAccountRetentionInput).mutation(({ ctx, input }) => {
    const { personId, bankAccountId, ...retention } = input;
    return inTransaction(ctx, (trx, actor, at) =>
      setBankAccountRetention(trx, personId, bankAccountId, retention, actor, at),
    );
  }),

  /** Adds a bank account (IBAN checked), with its retention class if it has one. */
  addBankAccount: staff.input(addBankAccountInput).mutation(({ ctx, input }) => {
    const { personId, ...account } = input;
    return inTransaction(ctx, (trx, actor, at) => addBankAccount(trx, personId, account, actor, at));
  }),
};
