import { consentRequestOptions, defaultLinkTtlDays, recordAudit, revokeLinks } from "@purposeful/db";
import { calendarDateAt, formatCalendarDate } from "@purposeful/domain";
import {
  companyForMail,
  loadRecipient,
  purposeTexts,
  renderEmail,
  sendConsentRequest,
} from "@purposeful/emails";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env, linkSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";

const requestInput = z.object({ personId: z.uuid(), purposeIds: z.array(z.uuid()).min(1).max(20) });
const sendInput = requestInput.extend({ askAgainAfterRefusal: z.array(z.uuid()).max(20).default([]) });

export const consentRequestsRouter = router({
  /**
   * Consent purposes a person can be asked for. Those without a valid basis are pre-selected, except
   * where the person said no (declined, withdrawn, objected): those show when and how, and asking
   * again is an explicit choice. Whether the mail may go at all is the domain's rule.
   */
  options: procedureFor("staff")
    .input(z.object({ personId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const options = await consentRequestOptions(ctx.db, {
        personId: input.personId,
        language: ctx.user.locale,
        now: ctx.now(),
      });
      if (!options) throw new TRPCError({ code: "NOT_FOUND" });
      return options;
    }),

  /** The mail exactly as the person will get it (with a placeholder instead of their personal link). */
  preview: procedureFor("staff")
    .input(requestInput)
    .query(async ({ ctx, input }) => {
      const recipient = await loadRecipient(ctx.db, input.personId, "consent_request");
      const purposes = await purposeTexts(ctx.db, input.purposeIds, recipient.language);
      const mail = await renderEmail(
        "consent-request",
        {
          company: await companyForMail(ctx.db),
          salutationName: recipient.salutationName,
          purposes: purposes.map((p) => ({ name: p.name, description: p.description })),
          linkUrl: `${env.MICROSITE_URL}/${recipient.language}/p/…`,
          expiresOn: formatCalendarDate(
            calendarDateAt(new Date(ctx.now().getTime() + defaultLinkTtlDays.settings * 86_400_000)),
          ),
        },
        recipient.language,
      );
      return { to: recipient.email, language: recipient.language, ...mail };
    }),

  /** Sends the request: link, mail (through the outbox) and "requested" records in one transaction. */
  send: procedureFor("staff")
    .input(sendInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((trx) =>
        sendConsentRequest(trx, {
          ...input,
          micrositeUrl: env.MICROSITE_URL,
          linkSecret: linkSecret(),
          actor: { type: "staff", id: ctx.user.id },
          at: ctx.now(),
        }),
      ),
    ),

  /**
   * Revokes the person's settings and confirmation links at once (e.g. a mail went to the wrong
   * address); unsubscribe links of earlier mails keep working (Art. 21(2)).
   */
  revokeLinks: procedureFor("staff")
    .input(z.object({ personId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const at = ctx.now();
        const revoked = await revokeLinks(trx, input.personId, at);
        await recordAudit(trx, {
          actor: { type: "staff", id: ctx.user.id },
          action: "microsite.links_revoked",
          entityType: "person",
          entityId: input.personId,
          personId: input.personId,
          changes: { revoked },
          at,
        });
        return { revoked };
      }),
    ),
});
