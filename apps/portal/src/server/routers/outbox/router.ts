import {
  fillLinkTokens,
  getOutboxMessage,
  listOutboxMessages,
  mapHeaderValues,
  redactLinkTokens,
  retryDeadOutboxMessage,
} from "@purposeful/db";
import { TRPCError } from "@trpc/server";
import { env, linkSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import { listOutboxInput, outboxMessageInput } from "./outbox.schema";

export const outboxRouter = router({
  /** Newest first by keyset (created_at DESC, id), optionally one status; no bodies. */
  list: procedureFor("dpo")
    .input(listOutboxInput)
    .query(({ ctx, input }) => listOutboxMessages(ctx.db, input)),

  /**
   * One message as rendered: HTML, text, headers, the provider's last error. Personal links are
   * redacted, except in captured mode (`linkMode`).
   */
  get: procedureFor("dpo")
    .input(outboxMessageInput)
    .query(async ({ ctx, input }) => {
      const message = await getOutboxMessage(ctx.db, input.id);
      if (!message) throw new TRPCError({ code: "NOT_FOUND" });
      // Stored mails hold placeholders for personal links. Only in captured mode (no provider,
      // nothing leaves the machine) are they shown working, so a local install can follow them.
      const linkMode = env.RESEND_API_KEY ? ("redacted" as const) : ("captured" as const);
      const show = <T extends string | null>(text: T): T =>
        (text === null
          ? null
          : linkMode === "captured"
            ? fillLinkTokens(text, linkSecret())
            : redactLinkTokens(text)) as T;
      const headers = mapHeaderValues((message.headers ?? {}) as Record<string, string>, (value: string) =>
        show(value),
      );
      return { ...message, html: show(message.html), text: show(message.text), headers, linkMode };
    }),

  /**
   * A dead message gets another full round of attempts. It keeps its idempotency key, so a mail the
   * provider did accept (within its 24 h key window) is still not delivered twice.
   */
  retry: procedureFor("dpo")
    .input(outboxMessageInput)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.transaction().execute((trx) =>
        retryDeadOutboxMessage(trx, {
          id: input.id,
          actor: { type: "staff", id: ctx.user.id },
          at: ctx.now(),
        }),
      );
      if (!result.ok)
        throw new TRPCError({ code: result.reason === "not_found" ? "NOT_FOUND" : "PRECONDITION_FAILED" });
      return { id: result.id, status: "pending" as const };
    }),
});
